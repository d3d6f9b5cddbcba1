package formats

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"copydesk/editor"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// CheckCharset reports whether name is an encoding Decode can use.
func CheckCharset(name string) error {
	_, err := lookupCharset(name)
	return err
}

func lookupCharset(name string) (encoding.Encoding, error) {
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not an encoding the desk knows: use a name such as utf-8, windows-1252, iso-8859-1, windows-1251, koi8-r or utf-16le", name)
	}
	return enc, nil
}

// xmlEncoding finds the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']`)

// Decode turns a file's bytes into UTF-8 before any importer sees them,
// so every importer reads the same text:
//
//   - charset, when given (--charset), is used as it is named;
//   - a byte-order mark (UTF-16 LE or BE, UTF-8) is honoured;
//   - UTF-8 is kept as it is;
//   - an XML declaration's encoding (iso-8859-1, windows-1252 …) is used;
//   - other bytes are read as windows-1252 (Western European) or
//     windows-1251 (Cyrillic) only when their distribution leaves no
//     doubt (see guessCharset); otherwise the file is refused, asking for
//     --charset, and no code page is suggested that was not detected.
//
// Each conversion is reported in a warning. An XML declaration is
// rewritten to say UTF-8, so the XML reader does not convert again.
func Decode(file string, data []byte, charset string) ([]byte, []editor.Warning, error) {
	if charset != "" {
		enc, err := lookupCharset(charset)
		if err != nil {
			return nil, nil, &editor.InputError{File: file, Offset: -1, Problem: err.Error()}
		}
		return convert(file, data, enc, fmt.Sprintf("read as %s, as --charset says", charset))
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), looksUTF16(data, false):
		return convertUTF16(file, data, false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), looksUTF16(data, true):
		return convertUTF16(file, data, true)
	}
	if utf8.Valid(data) {
		return data, nil, nil
	}
	if m := xmlEncoding.FindSubmatch(data); m != nil {
		name := string(m[1])
		if enc, err := lookupCharset(name); err == nil && enc != unicode.UTF8 {
			return convert(file, data, enc, fmt.Sprintf("converted from %s to UTF-8, as its XML declaration says", name))
		}
	}
	if enc, what := guessCharset(data); enc != nil {
		return convert(file, data, enc, what+"; if it reads wrong, import it again with --charset NAME")
	}
	// Let the importer's own check name the first bad byte; its fix asks
	// for --charset.
	return data, nil, nil
}

// looksUTF16 spots UTF-16 without a byte-order mark by its first
// character, "<" or "{" (XML or JSON), and a zero byte beside it.
func looksUTF16(data []byte, big bool) bool {
	if len(data) < 4 {
		return false
	}
	if big {
		return data[0] == 0 && (data[1] == '<' || data[1] == '{') && data[2] == 0
	}
	return (data[0] == '<' || data[0] == '{') && data[1] == 0 && data[3] == 0
}

// convertUTF16 converts UTF-16 to UTF-8, refusing what the decoder would
// quietly turn into U+FFFD: an odd byte at the end (a file cut short) or
// a half of a surrogate pair.
func convertUTF16(file string, data []byte, big bool) ([]byte, []editor.Warning, error) {
	order, name := unicode.LittleEndian, "little-endian"
	if big {
		order, name = unicode.BigEndian, "big-endian"
	}
	if len(data)%2 == 1 {
		return nil, nil, &editor.InputError{File: file, Offset: len(data) - 1, Problem: "it reads as UTF-16 (" + name + ") but ends in half a character: the file is cut short or not UTF-16", Fix: "get the whole file again, or give its encoding with --charset NAME"}
	}
	out, warns, err := convert(file, data, unicode.UTF16(order, unicode.UseBOM), "converted from UTF-16 ("+name+") to UTF-8")
	if err != nil {
		return nil, nil, err
	}
	literal := 0 // U+FFFD written in the file itself
	for i := 0; i+1 < len(data); i += 2 {
		if (big && data[i] == 0xFF && data[i+1] == 0xFD) || (!big && data[i] == 0xFD && data[i+1] == 0xFF) {
			literal++
		}
	}
	if bytes.Count(out, []byte("\uFFFD")) > literal {
		return nil, nil, &editor.InputError{File: file, Offset: -1, Problem: "it reads as UTF-16 (" + name + ") but holds half of a surrogate pair: the file is damaged or not UTF-16", Fix: "get the file again, or give its encoding with --charset NAME"}
	}
	return out, warns, nil
}

func convert(file string, data []byte, enc encoding.Encoding, what string) ([]byte, []editor.Warning, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, nil, &editor.InputError{File: file, Offset: -1, Problem: "cannot be read in its encoding: " + err.Error(), Fix: "give the file's encoding with --charset NAME"}
	}
	out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
	if m := xmlEncoding.FindSubmatchIndex(out); m != nil {
		out = append(append(append([]byte{}, out[:m[2]]...), "UTF-8"...), out[m[3]:]...)
	}
	return out, []editor.Warning{{Message: what}}, nil
}

// guessCharset tells Western European windows-1252 from Cyrillic
// windows-1251 by how the bytes above 0x7F sit: Cyrillic words are made of
// them (a high byte's neighbour is nearly always high too, and most are
// lower-case letters, 0xE0–0xFF), while Western text has an accented
// letter or a sign (é, ü, £) here and there between ASCII letters. A
// file between the two is not guessed: nil.
func guessCharset(data []byte) (encoding.Encoding, string) {
	high, paired, lower, letters := 0, 0, 0, 0
	undefined1252 := false
	for i, b := range data {
		if b < 0x80 {
			continue
		}
		high++
		switch b {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			undefined1252 = true
		}
		if (i > 0 && data[i-1] >= 0x80) || (i+1 < len(data) && data[i+1] >= 0x80) {
			paired++
		}
		if b >= 0xC0 {
			letters++
			if b >= 0xE0 {
				lower++
			}
		}
	}
	if high == 0 {
		return nil, ""
	}
	pairedShare := float64(paired) / float64(high)
	switch {
	case pairedShare >= 0.7 && letters*10 >= high*8 && lower*2 >= letters:
		return charmap.Windows1251, "converted from windows-1251 (Cyrillic) to UTF-8: the encoding was told from its bytes"
	case pairedShare <= 0.35 && !undefined1252:
		return charmap.Windows1252, "converted from windows-1252 (Western European) to UTF-8: the encoding was told from its bytes"
	}
	return nil, ""
}
