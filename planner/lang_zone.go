package planner

// zoneLang returns the language planbot answers a team in by default when
// neither the server nor the team chose one: Chinese for a team in China's
// zone (Asia/Shanghai, the default zone, and its old aliases), else English.
func zoneLang(zone string) Lang {
	switch zone {
	case "Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC":
		return Chinese
	}
	return English
}

// LangGuessed reports whether the service's Lang is only its team's zone's
// (zoneLang): neither the server nor the team chose one, so what a member
// writes may tell better.
func (s *Service) LangGuessed() bool { return s.guessed }
