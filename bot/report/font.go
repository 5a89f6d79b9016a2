package report

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/golang/freetype/truetype"
)

// Font is the TrueType font a chart is drawn with. Only text the font has
// glyphs for is drawn: a chart never shows boxes (tofu) for missing ones.
type Font struct {
	Path string // the file it was read from; "" when parsed from memory
	face *truetype.Font
}

// FontCandidates are the font files FindFont tries, in order, when no path is
// given: Chinese TrueType fonts where Debian's packages (fonts-wqy-microhei
// first, the one the Docker image and CI install) and a few other systems put
// them.
var FontCandidates = []string{
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/arphic/uming.ttc",
	"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
	"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
	"/Library/Fonts/Arial Unicode.ttf",
}

// ErrNoFont means that no font with Chinese glyphs was found: charts are
// skipped rather than drawn with boxes for Chinese names.
var ErrNoFont = errors.New("no TrueType font with Chinese glyphs found (install Debian's fonts-wqy-microhei, or set PLANBOT_FONT to a .ttf or .ttc file)")

// chineseSample is text every font used for charts must draw: common
// characters of names and of the chart's own labels.
const chineseSample = "中文王李张刘陈计划完成企业拜访周月日"

// ParseFont reads a TrueType font (.ttf) or the first font of a TrueType
// collection (.ttc). Fonts with PostScript (CFF) outlines, such as most .otf
// files and Noto Sans CJK, are not supported by the renderer.
func ParseFont(data []byte) (*Font, error) {
	face, err := truetype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("not a TrueType font or collection (.ttf, .ttc; PostScript-outline .otf fonts are not supported): %w", err)
	}
	return &Font{face: face}, nil
}

// loadFont reads the font file at path and checks that it has Chinese glyphs.
func loadFont(path string) (*Font, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := ParseFont(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !f.HasChinese() {
		return nil, fmt.Errorf("%s: the font has no Chinese glyphs", path)
	}
	f.Path = path
	return f, nil
}

// FindFont returns the font at path when path is not empty (an error says
// why it cannot be used), else the first of candidates that loads and has
// Chinese glyphs, else an error wrapping ErrNoFont. It keeps only the path of
// the font it found (see pathOnly).
func FindFont(path string, candidates []string) (*Font, error) {
	if path != "" {
		f, err := loadFont(path)
		if err != nil {
			return nil, err
		}
		return f.pathOnly(), nil
	}
	var unusable []string
	for _, c := range candidates {
		f, err := loadFont(c)
		if err == nil {
			return f.pathOnly(), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			unusable = append(unusable, err.Error())
		}
	}
	if len(unusable) > 0 {
		return nil, fmt.Errorf("%w; unusable: %s", ErrNoFont, strings.Join(unusable, "; "))
	}
	return nil, ErrNoFont
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	face, err := f.open()
	return err == nil && face.Index(r) != 0
}

// pathOnly is f as FindFont returns it: its file's path, read again whenever
// the font is used, so that its megabytes are not kept, and counted in
// the heap the garbage collector lets grow, between one week's charts and the
// next.
func (f *Font) pathOnly() *Font { return &Font{Path: f.Path} }

// open returns f's parsed font, reading f.Path again if only the path is kept.
func (f *Font) open() (*truetype.Font, error) {
	if f.face != nil {
		return f.face, nil
	}
	loaded, err := loadFont(f.Path)
	if err != nil {
		return nil, err
	}
	return loaded.face, nil
}

// HasChinese reports whether the font draws common Chinese characters.
func (f *Font) HasChinese() bool {
	face, err := f.open()
	if err != nil {
		return false
	}
	for _, r := range chineseSample {
		if face.Index(r) == 0 {
			return false
		}
	}
	return true
}

// clean returns s as the font can draw it, on one line and at most max
// characters: characters without a glyph, control and format characters
// (such as a right-to-left override) are left out, runs of spaces become one,
// and a longer text is cut with an ellipsis.
func (f *Font) clean(s string, max int) string {
	var out []rune
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = len(out) > 0
		case unicode.IsGraphic(r) && f.Has(r):
			if space {
				out = append(out, ' ')
				space = false
			}
			out = append(out, r)
		}
	}
	if len(out) > max {
		out = out[:max]
		if f.Has('…') {
			out = append([]rune(strings.TrimSpace(string(out[:max-1]))), '…')
		}
	}
	return string(out)
}
