package planner

import (
	"context"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"
)

// Service carries out what members ask of planbot, against a Store, on a
// calendar clock in the team's zone. Every caller reaches the store through
// its methods, so planner's rules hold whoever calls.
type Service struct {
	store Store
	Now   func() time.Time // the calendar clock; time.Now when nil
	Loc   *time.Location   // the team's time zone
	Lang  Lang             // the team's default language
	// byZone is whether no language was given: For then takes a team's
	// language from its zone (zoneLang), the server's zone when it has none.
	byZone  bool
	guessed bool           // Lang is the zone's, neither the server's nor the team's
	home    *time.Location // the server's zone, which For keeps
}

// Options are a Service's clock, zone and default language.
type Options struct {
	Now  func() time.Time // the calendar clock; time.Now when nil
	Loc  *time.Location   // the default zone; UTC when nil
	Lang Lang             // the default language; when "", each team's zone's (zoneLang)
}

// NewService returns the service of store with o's clock, zone and language.
func NewService(store Store, o Options) *Service {
	if o.Loc == nil {
		o.Loc = time.UTC
	}
	byZone := o.Lang == ""
	if byZone {
		o.Lang = zoneLang(o.Loc.String())
	}
	return &Service{store: store, Now: o.Now, Loc: o.Loc, Lang: o.Lang, byZone: byZone, guessed: byZone, home: o.Loc}
}

// Actor is who is asking: a member of a team, maybe one of its admins, maybe
// from a chat channel.
type Actor struct {
	TeamID    string
	TeamName  string
	UserID    string
	UserName  string
	Admin     bool
	ChannelID string // where the command was typed, "" outside a chat channel
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// Today returns the team's current calendar day.
func (s *Service) Today() Date { return DateOf(s.now(), s.Loc) }

// Week resolves a week spec ("", next, last, 2025-W47, 下周…) against today.
func (s *Service) Week(spec string) (Week, error) { return ResolveWeek(spec, s.now(), s.Loc) }

// SetLang stores the actor's reply language.
func (s *Service) SetLang(ctx context.Context, a Actor, lang Lang) error {
	return s.store.SetMemberLang(ctx, a.TeamID, a.UserID, lang)
}

// Add reads an itinerary line and stores its items for the actor.
func (s *Service) Add(ctx context.Context, a Actor, text string) ([]Item, Itinerary, error) {
	now := s.now()
	it, err := ParseItinerary(text, now, s.Loc)
	if err != nil {
		return nil, it, err
	}
	items := make([]Item, len(it.Drafts))
	for i, d := range it.Drafts {
		companies, unlinked, err := s.companiesIn(ctx, a, d.Title)
		if err != nil {
			return nil, it, err
		}
		for _, name := range unlinked {
			if !slices.Contains(it.Unlinked, name) {
				it.Unlinked = append(it.Unlinked, name)
			}
		}
		items[i] = Item{
			TeamID: a.TeamID, UserID: a.UserID, Start: d.Start, End: d.End,
			Kind: d.Kind, Count: d.Count, Visits: d.Visits, Place: d.Place, Title: d.Title, Amount: d.Amount, Companies: companies,
			Status: StatusPlanned, CreatedAt: now.UTC(), UpdatedAt: now.UTC(),
		}
	}
	stored, err := s.store.AddItems(ctx, items, a.UserID)
	return stored, it, err
}

// AddDraft stores one item given field by field (a form rather than a line),
// checked as the grammar checks a line.
func (s *Service) AddDraft(ctx context.Context, a Actor, d Draft) (Item, error) {
	if err := d.Check(); err != nil {
		return Item{}, err
	}
	now := s.now().UTC()
	if d.Amount.IsZero() {
		d.Amount, _, _, _ = FindAmount(d.Title) // the form's title says it as a line would
	}
	companies, _, err := s.companiesIn(ctx, a, d.Title) // the form has no room to say more
	if err != nil {
		return Item{}, err
	}
	items, err := s.store.AddItems(ctx, []Item{{
		TeamID: a.TeamID, UserID: a.UserID, Start: d.Start, End: d.End,
		Kind: d.Kind, Count: d.Count, Visits: d.Visits, Place: d.Place, Title: d.Title, Amount: d.Amount, Companies: companies,
		Status: StatusPlanned, CreatedAt: now, UpdatedAt: now,
	}}, a.UserID)
	if err != nil {
		return Item{}, err
	}
	return items[0], nil
}

// Done marks the actor's item done, with what came of it. An outcome that
// names a company (常诚车业有意向) links the item to it too (outcomeLinks).
func (s *Service) Done(ctx context.Context, a Actor, id int64, outcome string) (Item, error) {
	named, _, err := s.companiesIn(ctx, a, outcome)
	if err != nil {
		return Item{}, err
	}
	return s.change(ctx, a, id, outcome, func(it *Item) (string, string, error) {
		if it.Status == StatusCancelled {
			return "", "", Errorf(Conflict, ReasonCancelled, fmt.Sprint(id))
		}
		it.Status = StatusDone
		if outcome != "" { // marking it done again without an outcome keeps the old one
			it.Outcome = outcome
		}
		if len(named) > 0 {
			if it.Companies, err = s.outcomeLinks(ctx, a, *it, named); err != nil {
				return "", "", err
			}
		}
		return "done", outcome, nil
	})
}

// Cancel cancels the actor's planned item, with an optional reason. Nothing is deleted.
func (s *Service) Cancel(ctx context.Context, a Actor, id int64, reason string) (Item, error) {
	return s.change(ctx, a, id, reason, func(it *Item) (string, string, error) {
		switch it.Status {
		case StatusCancelled:
			return "", "", Errorf(Conflict, ReasonCancelled, fmt.Sprint(id))
		case StatusDone:
			return "", "", Errorf(Conflict, ReasonAlreadyDone, fmt.Sprint(id))
		}
		it.Status, it.Outcome = StatusCancelled, reason
		return "cancel", reason, nil
	})
}

// Move gives the actor's item new days. A one-day when keeps a multi-day item's length.
func (s *Service) Move(ctx context.Context, a Actor, id int64, whenText string) (Item, error) {
	w, err := ParseWhen(whenText, s.now(), s.Loc)
	if err != nil {
		return Item{}, err
	}
	if len(w.Spans) != 1 {
		return Item{}, Errorf(Invalid, ReasonSplitWhen, whenText)
	}
	return s.change(ctx, a, id, whenText, func(it *Item) (string, string, error) {
		if it.Status == StatusCancelled {
			return "", "", Errorf(Conflict, ReasonCancelled, fmt.Sprint(id))
		}
		from := spanText(it.Start, it.End)
		span := w.Spans[0]
		if span.Start == span.End {
			span.End = span.Start.AddDays(it.Days() - 1)
		}
		it.Start, it.End = span.Start, span.End
		return "move", from + " → " + spanText(it.Start, it.End), nil
	})
}

// Edit rewrites the actor's item from "<when> <what>"; without a when the days
// stay, and with nothing but a when it is a Move.
func (s *Service) Edit(ctx context.Context, a Actor, id int64, text string) (Item, error) {
	if _, err := ParseWhen(text, s.now(), s.Loc); err == nil {
		return s.Move(ctx, a, id, text)
	}
	parsed, err := ParseItinerary(text, s.now(), s.Loc)
	if err != nil {
		return Item{}, err
	}
	if len(parsed.Drafts) != 1 {
		return Item{}, Errorf(Invalid, ReasonSplitWhen, text)
	}
	d := parsed.Drafts[0]
	companies, _, err := s.companiesIn(ctx, a, d.Title)
	if err != nil {
		return Item{}, err
	}
	if companies == nil {
		companies = []Company{} // the new text names none: its links go
	}
	return s.change(ctx, a, id, text, func(it *Item) (string, string, error) {
		if it.Status == StatusCancelled {
			return "", "", Errorf(Conflict, ReasonCancelled, fmt.Sprint(id))
		}
		before := spanText(it.Start, it.End) + " " + it.Title
		if parsed.Lang != "" {
			it.Start, it.End = d.Start, d.End
		}
		it.Kind, it.Count, it.Visits, it.Place, it.Title, it.Amount, it.Companies = d.Kind, d.Count, d.Visits, d.Place, d.Title, d.Amount, companies
		return "edit", before + " → " + spanText(it.Start, it.End) + " " + it.Title, nil
	})
}

// change loads an item the actor may change, applies edit and stores it with its history line.
func (s *Service) change(ctx context.Context, a Actor, id int64, text string, edit func(*Item) (action, detail string, err error)) (Item, error) {
	if err := CheckText(text); err != nil {
		return Item{}, err
	}
	if utf8.RuneCountInString(text) > MaxTitle {
		return Item{}, Errorf(Invalid, ReasonTooLong, "")
	}
	it, err := s.store.Item(ctx, a.TeamID, id)
	if err != nil {
		return Item{}, err
	}
	if it.UserID != a.UserID && !a.Admin {
		return Item{}, Errorf(Forbidden, ReasonNotYours, fmt.Sprint(id))
	}
	action, detail, err := edit(&it)
	if err != nil {
		return Item{}, err
	}
	it.UpdatedAt = s.now().UTC()
	return s.store.UpdateItem(ctx, it, Change{
		TeamID: a.TeamID, ItemID: id, At: it.UpdatedAt, By: a.UserID, Action: action, Detail: detail,
	})
}

// History returns an item of the actor's team with its changes, oldest first.
func (s *Service) History(ctx context.Context, a Actor, id int64) (Item, []Change, error) {
	it, err := s.store.Item(ctx, a.TeamID, id)
	if err != nil {
		return Item{}, nil, err
	}
	changes, err := s.store.History(ctx, a.TeamID, id)
	return it, changes, err
}

// spanText writes a run of days as 2025-11-20 or 2025-11-20..2025-11-21.
func spanText(start, end Date) string {
	if start == end {
		return start.String()
	}
	return start.String() + ".." + end.String()
}

// ItemsOf lists a week's items of one member, or of the whole team when userID is "".
func (s *Service) ItemsOf(ctx context.Context, teamID, userID string, w Week) ([]Item, error) {
	return s.store.ItemsStarting(ctx, teamID, userID, w.Start(), w.End())
}

// SetNote stores the actor's retrospective note for the current week and returns that week.
func (s *Service) SetNote(ctx context.Context, a Actor, text string) (Week, error) {
	if err := CheckText(text); err != nil {
		return Week{}, err
	}
	if utf8.RuneCountInString(text) > MaxTitle {
		return Week{}, Errorf(Invalid, ReasonTooLong, "")
	}
	w := WeekOf(s.Today())
	return w, s.store.SetNote(ctx, a.TeamID, a.UserID, w, text)
}

// Note returns the actor's retrospective note for the current week.
func (s *Service) Note(ctx context.Context, a Actor) (string, Week, error) {
	w := WeekOf(s.Today())
	notes, err := s.store.Notes(ctx, a.TeamID, w)
	return notes[a.UserID], w, err
}

// Digest builds a team's digest of week w from the store.
func (s *Service) Digest(ctx context.Context, teamID string, w Week) (Digest, error) {
	r, err := s.Retro(ctx, teamID, w)
	return r.Digest, err
}
