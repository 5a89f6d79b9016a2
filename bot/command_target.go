package bot

// NamesMember reports whether cmd may name a member of the team, whom a
// platform must then give by their id rather than by the name a mention
// shows: /plan forget, and /plan setup target for one member.
func (c Command) NamesMember() bool {
	return c.Verb == VerbForget || c.Verb == VerbSetup && c.Setting == "target"
}
