package bot

import "planbot/planner"

// colon is the colon that introduces a list in l: "签约 2：A、B", "signed 2: A, B".
func colon(l planner.Lang) string {
	if l == planner.Chinese {
		return "："
	}
	return ": "
}
