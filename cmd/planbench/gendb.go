package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"planbot/cmd/planbench/internal/benchdb"
)

// gendbCmd writes a generated database (by default the 520k-item
// one, benchdb.Default520k) to a new file, for planbench startup or for
// trying planbot on a year of data by hand.
func gendbCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	spec := benchdb.Default520k
	fs := flag.NewFlagSet("gendb", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "the database file to write (must not exist)")
	fs.IntVar(&spec.Teams, "teams", spec.Teams, "teams")
	fs.IntVar(&spec.MembersPerTeam, "members", spec.MembersPerTeam, "members per team")
	fs.IntVar(&spec.Weeks, "weeks", spec.Weeks, "ISO weeks of the year, from week 1")
	fs.IntVar(&spec.ItemsPerWeek, "items", spec.ItemsPerWeek, "items per member per week")
	fs.IntVar(&spec.Year, "year", spec.Year, "ISO year")
	fs.IntVar(&spec.Current, "current", spec.Current, "the week of the data's clock (Sunday 18:00 Asia/Shanghai)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("gendb: --out is required")
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("gendb: %s exists", *out)
	}
	start := time.Now()
	if err := benchdb.Generate(ctx, *out, spec); err != nil {
		return err
	}
	fi, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d teams × %d members × %d weeks × %d items = %d items, %.1f MB, in %v; clock %s\n",
		*out, spec.Teams, spec.MembersPerTeam, spec.Weeks, spec.ItemsPerWeek, spec.Items(),
		float64(fi.Size())/1e6, time.Since(start).Round(time.Millisecond), spec.Now().Format(time.RFC3339))
	return nil
}
