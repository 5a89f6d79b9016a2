package planner

// readWhat reads the what of a line: one draft, without its days, for each
// activity it names, each with its own kind, count, visits and place.
func readWhat(what string) ([]Draft, error) {
	count, err := DetectCount(what)
	if err != nil {
		return nil, err
	}
	kind := DetectKind(what)
	place := ""
	if kind == KindTrip {
		place = DetectPlace(what)
	}
	return []Draft{{Kind: kind, Count: count, Place: place, Title: what}}, nil
}
