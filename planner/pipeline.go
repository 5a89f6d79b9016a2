package planner

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"
)

// LeadResult is what /plan lead did: saved a company (created, or moved to a
// stage, or given a note: Change says which), or showed one's history.
type LeadResult struct {
	Company Company
	Created bool
	Change  StageChange   // the change just recorded; zero when only showing
	History []StageChange // when showing: every stage change, oldest first
	Items   []Item        // when showing: the items linked to it
	DueSet  bool          // the line set the company's deadline (Company.Due)
	DueMet  Deadline      // the deadline the line's move made (Deadline.MetBy), cleared
	Alias   string        // the alias the line gave the company (Company.Aliases has all), "" when none
}

// Lead carries out a lead line (see ParseLead): a new company is created at
// its stage (lead by default); a known one is moved to the stage given, or
// given the note; a known name alone shows its history. A deadline in the
// line becomes the company's (a deadline alone records no stage change),
// and a move that makes the step of the one it has clears it (Deadline.MetBy).
func (s *Service) Lead(ctx context.Context, a Actor, text string) (LeadResult, error) {
	line, err := ParseLead(text, s.Today())
	if err != nil {
		return LeadResult{}, err
	}
	if line.Alias != "" {
		return s.leadAlias(ctx, a, line)
	}
	now := s.now().UTC()
	c, err := s.store.CompanyByKey(ctx, a.TeamID, CompanyKey(line.Name))
	if err != nil {
		if joined, known, ok := s.joinedStage(ctx, a.TeamID, line); ok {
			line, c, err = joined, known, nil // "常诚车业签约": a known name and a stage, typed without a space
		}
	}
	var notFound *Error
	switch {
	case errors.As(err, &notFound) && notFound.Code == NotFound:
		if word := s.misreadStage(ctx, a.TeamID, line); word != "" {
			return LeadResult{}, Errorf(Invalid, ReasonBadStage, word)
		}
		stage := line.Stage
		if stage == "" {
			stage = StageLead
		}
		c = Company{TeamID: a.TeamID, Name: line.Name, Notes: line.Note, OwnerID: a.UserID, Stage: stage, Amount: line.Amount,
			Due: line.Due.forStage(stage), CreatedAt: now}
		change := StageChange{To: stage, By: a.UserID, At: now, Note: line.Note}
		c, err = s.store.AddCompany(ctx, c, change)
		change.TeamID, change.CompanyID, change.Company = c.TeamID, c.ID, c.Name
		return LeadResult{Company: c, Created: true, Change: change, DueSet: !line.Due.IsZero()}, err
	case err != nil:
		return LeadResult{}, err
	case line.Stage == "" && line.Note == "" && line.Due.IsZero():
		history, items, err := s.store.CompanyHistory(ctx, a.TeamID, c.ID)
		return LeadResult{Company: c, History: history, Items: items}, err
	case line.Stage == c.Stage && line.Note == "" && line.Due.IsZero():
		return LeadResult{}, Errorf(Conflict, ReasonSameStage, string(c.Stage))
	case (line.Stage == "" || line.Stage == c.Stage) && line.Note == "": // a deadline alone: no stage change to record
		c, err = s.store.SetCompanyDue(ctx, a.TeamID, c.ID, line.Due.forStage(c.Stage))
		return LeadResult{Company: c, DueSet: true}, err
	}
	change := StageChange{To: c.Stage, By: a.UserID, At: now, Note: line.Note}
	if line.Stage != "" {
		change.To = line.Stage
	}
	c.OwnerID = a.UserID   // taken only if its owner was forgotten: whoever moves it follows it now
	c.Amount = line.Amount // a lead line's amount replaces any (CompanyAmountFrom); none keeps the one it has
	before := c.Due
	c.Due = line.Due.forStage(change.To) // a new deadline replaces any; none keeps the one it has, unless the move makes it
	c, change, err = s.store.UpdateCompany(ctx, c, change)
	res := LeadResult{Company: c, Change: change, DueSet: !line.Due.IsZero()}
	if line.Due.IsZero() && before.MetBy(change.From, change.To) {
		res.DueMet = before
	}
	return res, err
}

// joinedStage reads an unquoted line without a stage word one of whose
// first words ends in a Chinese stage word that follows a known company's name
// without a space ("常诚车业签约 年产150万套", as Chinese is typed): it returns
// the line as company name, stage and note, and that company.
func (s *Service) joinedStage(ctx context.Context, teamID string, line LeadLine) (LeadLine, Company, bool) {
	if line.Quoted || line.Stage != "" {
		return line, Company{}, false
	}
	words := strings.Fields(line.Name)
	for n := 1; n <= len(words); n++ {
		head := strings.Join(words[:n], " ")
		for word, stage := range stageWords {
			prefix, ok := strings.CutSuffix(head, word)
			if !ok || prefix == "" || !strings.ContainsFunc(word, func(r rune) bool { return r > unicode.MaxLatin1 }) {
				continue
			}
			if c, err := s.store.CompanyByKey(ctx, teamID, CompanyKey(prefix)); err == nil {
				note := strings.Join(words[n:], " ")
				if line.Note != "" {
					note = strings.TrimSpace(note + " " + line.Note)
				}
				joined := LeadLine{Name: c.Name, Stage: stage, Note: note, Due: line.Due}
				if note == "" && !joined.Due.IsZero() && joined.Due.Step == "" && stage.inPipeline() { // "常诚车业开工 截止3月31日", as with a space
					joined.Due.Step, joined.Stage = stage, ""
				}
				return joined, c, true
			}
		}
	}
	return line, Company{}, false
}

// misreadStage returns the word after a known company's name when an unquoted
// line without a stage word starts with that name ("常诚车业 签約", "Acme won"):
// a mistyped stage, not a new company's name. It returns "" otherwise.
func (s *Service) misreadStage(ctx context.Context, teamID string, line LeadLine) string {
	if line.Quoted || line.Stage != "" {
		return ""
	}
	words := strings.Fields(line.Name)
	for n := len(words) - 1; n >= 1; n-- {
		if _, err := s.store.CompanyByKey(ctx, teamID, CompanyKey(strings.Join(words[:n], " "))); err == nil {
			return words[n]
		}
	}
	return ""
}

// Leads lists the team's pipeline: every company, or those at one stage, or
// the actor's own ("mine", "我的"), in stage order and then by id.
func (s *Service) Leads(ctx context.Context, a Actor, filter string) ([]CompanyView, error) {
	stage, byStage := ParseStage(filter)
	mine := strings.EqualFold(filter, "mine") || filter == "我的"
	if filter != "" && !byStage && !mine {
		return nil, Errorf(Invalid, ReasonBadStage, filter)
	}
	all, err := s.store.Pipeline(ctx, a.TeamID, s.Today())
	if err != nil {
		return nil, err
	}
	views := []CompanyView{}
	for _, v := range all {
		if byStage && v.Stage != stage || mine && v.OwnerID != a.UserID {
			continue
		}
		views = append(views, v)
	}
	slices.SortStableFunc(views, func(x, y CompanyView) int {
		return slices.Index(Stages, x.Stage) - slices.Index(Stages, y.Stage)
	})
	return views, nil
}

// companiesIn returns the companies an item's text concerns: each one named in
// brackets ([Changcheng Auto], 【常诚车业】) and every known company whose name
// appears in the text, each once, in that order; and the bracketed names that
// are no company of the team (a tag like [v2] is not made a company: the
// reply says how to add one).
func (s *Service) companiesIn(ctx context.Context, a Actor, text string) (found []Company, unlinked []string, err error) {
	add := func(c Company) {
		if !slices.ContainsFunc(found, func(f Company) bool { return f.ID == c.ID }) {
			found = append(found, Company{TeamID: c.TeamID, ID: c.ID, Name: c.Name})
		}
	}
	key := CompanyKey(text)
	matched, err := s.store.MatchCompanies(ctx, a.TeamID, key)
	if err != nil {
		return nil, nil, err
	}
	// A known company named in brackets is among those matched: its key is in
	// the text's.
	for _, name := range bracketed(text) {
		name = cleanName(name) // as the reply shows it: on one line, without invisible characters
		k := CompanyKey(name)
		i := slices.IndexFunc(matched, func(c Company) bool { return slices.Contains(companyKeys(c), k) })
		switch {
		case i >= 0:
			add(matched[i])
		case name != "" && !slices.Contains(unlinked, name):
			unlinked = append(unlinked, name)
		}
	}
	// Longest names first, each blanking out the text it covers, so that
	// "Changcheng Auto plant" links Changcheng Auto and not also "Auto".
	rest := key
	for _, c := range matched {
		keys := companyKeys(c)
		if slices.ContainsFunc(found, func(f Company) bool { return f.ID == c.ID }) ||
			slices.ContainsFunc(keys, func(k string) bool { return mentions(rest, k) }) {
			add(c)
			for _, k := range keys {
				rest = strings.ReplaceAll(rest, k, " ")
			}
		}
	}
	return found, unlinked, nil
}

// companyKeys returns the keys of c's name and of its Aliases, longest first.
func companyKeys(c Company) []string {
	keys := []string{CompanyKey(c.Name)}
	for _, alias := range c.Aliases {
		keys = append(keys, CompanyKey(alias))
	}
	slices.SortStableFunc(keys, func(a, b string) int { return len(b) - len(a) })
	return keys
}

// UntouchedDays is how long a company still courted may go without a stage
// change or a linked item before the retrospective names it.
const UntouchedDays = 30

// PipelineWeek is the pipeline's part of a week's retrospective.
type PipelineWeek struct {
	Moves      []StageChange `json:"moves"`      // each company's last stage change of the week (a new company's too), in order
	Counts     map[Stage]int `json:"counts"`     // companies at each stage as the week ended (now, while it lasts)
	Untouched  []string      `json:"untouched"`  // companies still courted, untouched for UntouchedDays by the week's end
	Collisions []Collision   `json:"collisions"` // companies several members worked on this week (撞单)
	// Overdue are the companies whose deadline had passed by the week's last
	// day, or by today while the week is not over (超期), the longest overdue first.
	Overdue []OverdueCompany `json:"overdue"`
}

// Collision is a company that several members' items of one week name (撞单).
type Collision struct {
	Company string   `json:"company"`
	Members []string `json:"members"` // user ids, sorted
}

// Empty reports whether the team has no pipeline at all.
func (p PipelineWeek) Empty() bool { return len(p.Counts) == 0 }

// BuildPipelineWeek computes week w's pipeline section from the week's
// items, the companies linked to them (by item id), the week's stage changes
// and the team's companies as they stood when the week ended; loc is the
// team's zone.
func BuildPipelineWeek(w Week, items []Item, links map[int64][]Company, moves []StageChange, companies []CompanyView, loc *time.Location) PipelineWeek {
	p := PipelineWeek{Moves: []StageChange{}, Counts: map[Stage]int{}, Untouched: []string{}, Collisions: []Collision{}, Overdue: []OverdueCompany{}}
	latest := map[int64]int{} // each company's last move of the week: where it stood as the week ended
	for i, m := range moves {
		if m.From != m.To {
			latest[m.CompanyID] = i
		}
	}
	for i, m := range moves {
		if j, ok := latest[m.CompanyID]; ok && j == i {
			p.Moves = append(p.Moves, m)
		}
	}
	quiet := w.End().AddDays(-UntouchedDays)
	for _, c := range companies {
		p.Counts[c.Stage]++
		courted := slices.Index(Stages, c.Stage) < slices.Index(Stages, StageProduction)
		last := c.LastContact
		if updated := DateOf(c.UpdatedAt, loc); last.Before(updated) {
			last = updated
		}
		if courted && last.Before(quiet) {
			p.Untouched = append(p.Untouched, c.Name)
		}
	}
	who := map[string][]string{} // company name → members whose items name it
	var names []string
	for _, it := range items {
		if it.Status == StatusCancelled || !w.Contains(it.Start) {
			continue
		}
		for _, c := range links[it.ID] {
			if len(who[c.Name]) == 0 {
				names = append(names, c.Name)
			}
			if !slices.Contains(who[c.Name], it.UserID) {
				who[c.Name] = append(who[c.Name], it.UserID)
			}
		}
	}
	for _, name := range names {
		if len(who[name]) > 1 {
			slices.Sort(who[name])
			p.Collisions = append(p.Collisions, Collision{Company: name, Members: who[name]})
		}
	}
	return p
}
