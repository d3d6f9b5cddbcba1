package check

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"copydesk/editor"
)

// The number style: whole numbers from one to N in words, figures from
// N+1 — except where news style always uses figures (ages, dates,
// percentages, money, times, measures, scores, numbered things), and a
// sentence never starts with a figure.

var (
	figureRe = regexp.MustCompile(`\d+(?:[.,:]\d+)*`)
	wordNums = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	teens    = []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens     = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// figuresAfter are words after a number that keep it in figures.
var figuresAfter = []string{"%", " percent", " per cent", "-year", " year-old", " years old", " year old", "-month",
	" months old", "-week", "-day", " million", " billion", " trillion", " a.m.", " p.m.", " am", " pm", " o'clock",
	" km", " kg", " mm", " cm", " m ", " miles", " mph", " kph", " degrees", "°", " feet", " foot", " inches", " points",
	" goals", " votes", " percentage points", " dollars", " euros", " rubles", " roubles", " cents"}

// figuresBefore are words before a number that keep it in figures.
var figuresBefore = []string{"aged ", "age ", "ages ", "no. ", "number ", "page ", "article ", "chapter ", "section ",
	"room ", "grade ", "level ", "category ", "route ", "flight ", "platform ", "gate ", "step ", "part ", "phase ",
	"version ", "$", "£", "€", "¥", "₽", "#", "№"}

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}

func numberFindings(s segment, mask [][]int, spellOut int) []Finding {
	var out []Finding
	text := s.text
	for _, m := range figureRe.FindAllStringIndex(text, -1) {
		tok := text[m[0]:m[1]]
		n, err := strconv.Atoi(tok)
		if err != nil || n < 1 || n > spellOut || tok[0] == '0' || inMask(mask, m[0], m[1]) {
			continue
		}
		if !wholeWord(text, m[0], m[1]) || keepsFigures(text, m[0], m[1]) {
			continue
		}
		word := wordNums[n]
		if sentenceStart(text, m[0]) {
			word = editor.Capitalise(word)
		}
		f := Finding{Kind: KindStyle, Rule: "numbers", Place: s.place(m[0], m[1]), Text: tok, Fix: fix(word)}
		f.say("spell out numbers up to %d: %q", spellOut, word)
		out = append(out, f)
	}
	eachSpelled(text, func(start, end, n int) {
		if n <= spellOut || inMask(mask, start, end) || sentenceStart(text, start) {
			return
		}
		tok := text[start:end]
		if startsUpper(tok) { // mid-sentence capital: a name (Ocean's Eleven)
			return
		}
		rest := strings.ToLower(text[end:])
		if strings.HasPrefix(rest, " hundred") || strings.HasPrefix(rest, " thousand") || strings.HasPrefix(rest, "-") {
			return
		}
		fig := strconv.Itoa(n)
		f := Finding{Kind: KindStyle, Rule: "numbers", Place: s.place(start, end), Text: tok, Fix: fix(fig)}
		f.say("figures from %d: %q", spellOut+1, fig)
		out = append(out, f)
	})
	return out
}

// keepsFigures reports whether the number at [start, end) is one news
// style writes in figures whatever its size.
func keepsFigures(text string, start, end int) bool {
	prev, next := runeBefore(text, start), runeAfter(text, end)
	if strings.ContainsRune("$£€¥₽#№+-−–/.,:", prev) || strings.ContainsRune("%/:–-×x", next) {
		return true // money, signed numbers, fractions, ranges, scores, times
	}
	if unicode.IsDigit(runeAfter(text, end+1)) && (next == '.' || next == ',') {
		return true
	}
	after := strings.ToLower(text[end:])
	for _, w := range figuresAfter {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	before := strings.ToLower(text[:start])
	for _, w := range figuresBefore {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for _, mo := range months {
		if strings.HasSuffix(before, mo+" ") || strings.HasPrefix(after, " "+mo) {
			return true // a date: October 6, 6 October
		}
	}
	return false
}

// eachSpelled calls fn with each number from ten to ninety-nine written
// in words ("ten", "forty-seven"), its byte range and value. Words are
// runs of ASCII letters; the scan is linear and allocates nothing for
// words that are not numbers.
func eachSpelled(text string, fn func(start, end, n int)) {
	for i := 0; i < len(text); {
		if !isASCIILetter(text[i]) || isWordRune(runeBefore(text, i)) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		if j < len(text) && text[j] >= 0x80 && isWordRune(runeAfter(text, j)) {
			i = j // runs on into a non-ASCII letter: not an English number word
			continue
		}
		n := numberWord(text[i:j])
		end := j
		if n >= 20 && n%10 == 0 && j+1 < len(text) && (text[j] == '-' || text[j] == ' ') {
			k := j + 1
			for k < len(text) && isASCIILetter(text[k]) {
				k++
			}
			if u := numberWord(text[j+1 : k]); u >= 1 && u <= 9 {
				n, end = n+u, k
			}
		}
		if n >= 10 {
			fn(i, end, n)
		}
		i = end
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// numberWord is the value of one number word (one … nineteen, twenty …
// ninety), 0 for any other word.
func numberWord(w string) int {
	if len(w) < 3 || len(w) > 9 {
		return 0
	}
	for i := 1; i < len(wordNums); i++ {
		if strings.EqualFold(w, wordNums[i]) {
			return i
		}
	}
	for i, t := range teens {
		if strings.EqualFold(w, t) {
			return 10 + i
		}
	}
	for i := 2; i < len(tens); i++ {
		if strings.EqualFold(w, tens[i]) {
			return i * 10
		}
	}
	return 0
}
