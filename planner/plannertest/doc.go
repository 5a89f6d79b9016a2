// Package plannertest holds the domain fixtures that the tests of several
// packages share: the zone, the members who type, the week of the fixed
// clock, the scripted retrospective and the plain /plan lines of the fuzz
// targets. It imports planner only (planner's tree knows no storage), and
// only tests import it.
package plannertest
