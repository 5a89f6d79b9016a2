package planner

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// firstRunes is the set of runes a regular expression's match can start
// with, read off its compiled program: a when pattern is tried only at a
// position whose rune can start it, which spares most of the anchored
// expressions tried at each position a when may start. It is hand-written
// because the regexp package offers only a literal prefix (LiteralPrefix),
// which the patterns' alternations and classes do not have.
type firstRunes struct {
	any    bool   // the match may be empty, or start with any rune: always try
	ranges []rune // pairs lo, hi, inclusive
	folded []rune // pairs lo, hi, matched case-insensitively
}

// firstRunesOf computes re's firstRunes; any expression it cannot read is
// tried everywhere, as before.
func firstRunesOf(re *regexp.Regexp) firstRunes {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return firstRunes{any: true}
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return firstRunes{any: true}
	}
	var f firstRunes
	seen := map[uint32]bool{}
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] || f.any {
			return
		}
		seen[pc] = true
		inst := prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(inst.Out)
			walk(inst.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(inst.Out) // ^ and \b constrain no rune; skipping them only widens the set
		case syntax.InstRune1:
			f.add(inst.Rune[0], inst.Rune[0], syntax.Flags(inst.Arg)&syntax.FoldCase != 0)
		case syntax.InstRune:
			fold := syntax.Flags(inst.Arg)&syntax.FoldCase != 0
			if len(inst.Rune) == 1 {
				f.add(inst.Rune[0], inst.Rune[0], fold)
			}
			for i := 0; i+1 < len(inst.Rune); i += 2 {
				f.add(inst.Rune[i], inst.Rune[i+1], fold)
			}
		default: // InstMatch, InstFail, any rune: no set to keep
			f.any = true
		}
	}
	walk(uint32(prog.Start))
	return f
}

// add adds the runes lo to hi, matched case-insensitively when fold is set.
func (f *firstRunes) add(lo, hi rune, fold bool) {
	if fold {
		f.folded = append(f.folded, lo, hi)
		return
	}
	f.ranges = append(f.ranges, lo, hi)
}

// has reports whether a match may start with r.
func (f firstRunes) has(r rune) bool {
	if f.any || inRanges(f.ranges, r) {
		return true
	}
	for c := unicode.SimpleFold(r); ; c = unicode.SimpleFold(c) {
		if inRanges(f.folded, c) {
			return true
		}
		if c == r {
			return false
		}
	}
}

// inRanges reports whether r is in one of the pairs lo, hi of ranges.
func inRanges(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}
