package bot

import "planbot/planner"

// neutralVerbs are the views whose English word is only the command's name,
// which a Chinese team types too ("/plan week"): alone, or with nothing in
// English after it ("week 2025-W47"), it leaves the reply to the member's or
// the team's language.
var neutralVerbs = map[Verb]bool{VerbWeek: true, VerbTeam: true, VerbDigest: true}

// verbLang returns the language the verb word of cmd tells: none for a
// neutral view named in English, else the verb word's.
func verbLang(cmd Command) planner.Lang {
	if neutralVerbs[cmd.Verb] && cmd.Lang == planner.English {
		return ""
	}
	return cmd.Lang
}

// hasEnglishWord reports whether s has a word of two or more English
// letters in a row: "next" and "Auto" are English, "W47" and "#3" are not.
func hasEnglishWord(s string) bool {
	run := 0
	for _, r := range s {
		if r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z') {
			if run++; run == 2 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}
