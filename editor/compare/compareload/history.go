package compareload

import (
	"fmt"
	"strings"

	"copydesk/editor"
)

// History returns n successive revisions of one story of about words
// words, as a desk makes them: most revisions change a few words, every
// fifth adds, removes and moves paragraphs too (Edit), every seventh also
// changes the headline and adds a tag. The storage benchmarks and the
// desk benchmark measure history size and rebuild time on it.
func History(seed uint64, words, n int) []*editor.Article {
	if n < 1 {
		return nil
	}
	out := []*editor.Article{Article(seed, words)}
	for i := uint64(1); i < uint64(n); i++ {
		out = append(out, historyEdit(out[i-1], seed+i, i))
	}
	return out
}

func historyEdit(a *editor.Article, seed, i uint64) *editor.Article {
	var b *editor.Article
	if i%5 == 0 {
		b = Edit(a, seed, 12)
	} else {
		b = a.Clone()
		blocks := editor.ParseBody(a.Body)
		k := int(i*7) % len(blocks)
		blocks[k].Text = strings.Replace(blocks[k].Text, " ", fmt.Sprintf(" %d ", i), 1)
		b.Body = editor.FormatBody(blocks)
	}
	if i%7 == 0 {
		b.Headline = fmt.Sprintf("%s (update %d)", strings.Split(a.Headline, " (update")[0], i)
		b.Tags = append(b.Tags[:len(b.Tags):len(b.Tags)], fmt.Sprintf("update-%d", i))
	}
	return b
}
