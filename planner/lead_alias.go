package planner

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// aliasWords are the words that give a company another name in a lead line
// (`常诚车业 aka Changcheng Auto`, `常诚车业 别名 Changcheng Auto`).
var aliasWords = []string{"aka", "a.k.a.", "别名", "又名"}

// cutAlias splits a lead line at its first alias word after the name (a
// quoted name is passed over whole): the line before it, and the alias, the
// rest of the line. ok is false when the line has no alias word.
func cutAlias(text string) (before, alias string, ok bool) {
	from := 0
	if open, size := utf8.DecodeRuneInString(text); quotes[open] != 0 {
		end := strings.IndexRune(text[size:], quotes[open])
		if end < 0 {
			return text, "", false // ParseLead says what is wrong
		}
		from = size + end + utf8.RuneLen(quotes[open])
	} else if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		from = i // the name's first word is never the alias word
	} else {
		return text, "", false
	}
	rest := text[from:]
	for offset := 0; ; {
		word, after, found := nextWord(rest[offset:])
		if !found {
			return text, "", false
		}
		start := offset + strings.Index(rest[offset:], word)
		if isAliasWord(word) {
			return text[:from+start], strings.TrimSpace(rest[start+len(word):]), true
		}
		offset = len(rest) - len(after)
	}
}

// isAliasWord reports whether word is one of aliasWords.
func isAliasWord(word string) bool {
	for _, w := range aliasWords {
		if strings.EqualFold(word, w) {
			return true
		}
	}
	return false
}

// nextWord returns the first word of s (split at spaces) and what follows it.
func nextWord(s string) (word, after string, ok bool) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" {
		return "", "", false
	}
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return s, "", true
	}
	return s[:end], s[end:], true
}

// parseAlias reads the alias of a lead line: the rest of the line after the
// alias word, maybe quoted, cleaned as a name is (cleanName). An empty or
// over-long alias, or one with stray quotes, is an Invalid error (Reason
// bad_alias); an unquoted stage word alone is no name either (stage_only).
func parseAlias(text string) (string, error) {
	quoted := false
	if open, size := utf8.DecodeRuneInString(text); quotes[open] != 0 && strings.HasSuffix(text, string(quotes[open])) && len(text) > size {
		text, quoted = strings.TrimSuffix(text[size:], string(quotes[open])), true
	}
	alias := cleanName(text)
	if word := stageOnly(alias); !quoted && word != "" {
		return "", Errorf(Invalid, ReasonStageOnly, word) // "aka 签约": a stage, no other name
	}
	if alias == "" || utf8.RuneCountInString(alias) > MaxCompanyName || strings.ContainsAny(alias, strayQuotes) {
		return "", Errorf(Invalid, ReasonBadAlias, "")
	}
	if err := CheckText(alias); err != nil {
		return "", err
	}
	return alias, nil
}

// leadAlias carries out a lead line with an alias (LeadLine.Alias): the
// company named gets the alias; a company the team does not have yet is
// added at lead first, unless the alias is the name of one it has, which then
// gets the line's name as its alias ("X aka Y" says the same as "Y aka X").
func (s *Service) leadAlias(ctx context.Context, a Actor, line LeadLine) (LeadResult, error) {
	var notFound *Error
	c, err := s.store.CompanyByKey(ctx, a.TeamID, CompanyKey(line.Name))
	alias := line.Alias
	if errors.As(err, &notFound) && notFound.Code == NotFound {
		if known, err2 := s.store.CompanyByKey(ctx, a.TeamID, CompanyKey(line.Alias)); err2 == nil {
			c, alias, err = known, line.Name, nil
		}
	}
	created := false
	if errors.As(err, &notFound) && notFound.Code == NotFound {
		now := s.now().UTC()
		c = Company{TeamID: a.TeamID, Name: line.Name, OwnerID: a.UserID, Stage: StageLead, CreatedAt: now}
		c, err = s.store.AddCompany(ctx, c, StageChange{To: StageLead, By: a.UserID, At: now})
		created = true
	}
	if err != nil {
		return LeadResult{}, err
	}
	c, err = s.store.AddCompanyAlias(ctx, a.TeamID, c.ID, alias)
	if err != nil {
		return LeadResult{}, err
	}
	return LeadResult{Company: c, Created: created, Alias: alias}, nil
}
