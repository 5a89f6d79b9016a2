// Package storagetest opens the SQLite databases of tests: a fresh file in
// the test's TempDir, closed when the test ends, and a service on one at
// plannertest's fixed clock; and the database a fuzz target's inputs share.
// Only tests import it.
package storagetest
