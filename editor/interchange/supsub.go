package interchange

import (
	"fmt"
	"strings"
)

// The desk's body is CommonMark, which has no superscript or subscript.
// Flattening <sup> and <sub> made "10<sup>6</sup>" read "106", a factual
// error. Text that Unicode has super- or subscript characters for (digits,
// signs, most lower-case Latin letters: 10⁶, CO₂, m², xⁿ) is written with
// them, which every export keeps and every reader sees raised. Anything
// else is kept as ^(text) or _(text), visibly marked, and reported.
var (
	superscripts = map[rune]rune{
		'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
		'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
		'a': 'ᵃ', 'b': 'ᵇ', 'c': 'ᶜ', 'd': 'ᵈ', 'e': 'ᵉ', 'f': 'ᶠ', 'g': 'ᵍ', 'h': 'ʰ', 'i': 'ⁱ', 'j': 'ʲ',
		'k': 'ᵏ', 'l': 'ˡ', 'm': 'ᵐ', 'n': 'ⁿ', 'o': 'ᵒ', 'p': 'ᵖ', 'r': 'ʳ', 's': 'ˢ', 't': 'ᵗ', 'u': 'ᵘ',
		'v': 'ᵛ', 'w': 'ʷ', 'x': 'ˣ', 'y': 'ʸ', 'z': 'ᶻ',
	}
	subscripts = map[rune]rune{
		'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
		'+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
		'a': 'ₐ', 'e': 'ₑ', 'h': 'ₕ', 'i': 'ᵢ', 'j': 'ⱼ', 'k': 'ₖ', 'l': 'ₗ', 'm': 'ₘ', 'n': 'ₙ', 'o': 'ₒ',
		'p': 'ₚ', 'r': 'ᵣ', 's': 'ₛ', 't': 'ₜ', 'u': 'ᵤ', 'v': 'ᵥ', 'x': 'ₓ',
	}
)

// raisedText is text from a <sup> (sup true) or <sub> element as the desk
// keeps it; marked is true when it had to fall back to ^(…) or _(…).
func raisedText(text string, sup bool) (out string, marked bool) {
	table, mark := subscripts, "_"
	if sup {
		table, mark = superscripts, "^"
	}
	t := strings.TrimSpace(text)
	if t == "" {
		return text, false
	}
	var b strings.Builder
	for _, r := range t {
		c, ok := table[r]
		if !ok {
			return mark + "(" + t + ")", true
		}
		b.WriteRune(c)
	}
	return b.String(), false
}

// raisedNote is the warning for a superscript or subscript kept as ^(…).
func raisedNote(name, kept string) string {
	return fmt.Sprintf("<%s> text has no Unicode %sscript form: kept as %q, edit it by hand", name, name, kept)
}
