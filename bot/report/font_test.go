package report

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

func TestFindFont(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.ttc")
	junk := filepath.Join(dir, "junk.ttf")
	latin := filepath.Join(dir, "goregular.ttf")
	for path, data := range map[string][]byte{junk: []byte("not a font"), latin: goregular.TTF} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("a given path that does not exist is an error naming it", func(t *testing.T) {
		_, err := FindFont(missing, FontCandidates)
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
			t.Fatalf("err = %v, want a not-found error naming %s", err, missing)
		}
	})
	t.Run("a given file that is not a font", func(t *testing.T) {
		_, err := FindFont(junk, FontCandidates)
		if err == nil || !strings.Contains(err.Error(), "not a TrueType font") || !strings.Contains(err.Error(), junk) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("a given font without Chinese glyphs", func(t *testing.T) {
		_, err := FindFont(latin, FontCandidates)
		if err == nil || !strings.Contains(err.Error(), "no Chinese glyphs") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("no candidate exists: ErrNoFont", func(t *testing.T) {
		f, err := FindFont("", []string{missing, filepath.Join(dir, "also-missing.ttf")})
		if f != nil || !errors.Is(err, ErrNoFont) || err.Error() != ErrNoFont.Error() {
			t.Fatalf("FindFont = %v, %v; want ErrNoFont alone", f, err)
		}
	})
	t.Run("unusable candidates are skipped and named", func(t *testing.T) {
		_, err := FindFont("", []string{missing, junk, latin})
		if !errors.Is(err, ErrNoFont) || !strings.Contains(err.Error(), junk) || !strings.Contains(err.Error(), latin) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("the first usable candidate is found", func(t *testing.T) {
		cjk := chineseFont(t)
		f, err := FindFont("", []string{missing, junk, latin, cjk.Path})
		if err != nil || f.Path != cjk.Path || !f.HasChinese() {
			t.Fatalf("FindFont = %+v, %v; want %s", f, err, cjk.Path)
		}
		if f, err := FindFont(cjk.Path, nil); err != nil || f.Path != cjk.Path {
			t.Fatalf("FindFont(%s) = %+v, %v", cjk.Path, f, err)
		}
	})
}
