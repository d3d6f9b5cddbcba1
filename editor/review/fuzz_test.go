package review

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
)

// FuzzReview checks the review's properties over random revision pairs:
// accept all gives B, reject all gives A, and any subset of rejections
// (chosen by seed) gives what the model makes by applying only the
// accepted changes to A.
func FuzzReview(f *testing.F) {
	a, b := pair()
	f.Add(a.Body, b.Body, a.Headline, b.Headline, uint64(1))
	f.Add("One.\n\nTwo.\n\nThree.", "Three.\n\nOne.\n\n## Two", "a", "a", uint64(2))
	f.Add("> “Quoted 43,500,” he said.\n\n#\n\n", "> «Quoted 45,300», he said.\n\n##\n", "", "x", uint64(3))
	f.Add("a b c d e f", "a x c d y f", "h", "h", uint64(4))
	f.Fuzz(func(t *testing.T, bodyA, bodyB, headA, headB string, seed uint64) {
		if !utf8.ValidString(bodyA) || !utf8.ValidString(bodyB) || !utf8.ValidString(headA) || !utf8.ValidString(headB) {
			t.Skip("invalid UTF-8 never reaches a review (the store refuses it)")
		}
		x, y := a.Clone(), b.Clone()
		x.Body, x.Headline = bodyA, headA
		y.Body, y.Headline = bodyB, headB
		r := New(x, y)
		if got := r.Apply(nil); !reflect.DeepEqual(got, y) {
			t.Fatal("accept all is not B")
		}
		all := Set{}
		for _, c := range r.Changes {
			all[c.ID] = true
		}
		if got := r.Apply(all); !reflect.DeepEqual(got, x) {
			t.Fatal("reject all is not A")
		}
		if got, want := r.apply(Set{}).Body, editor.FormatBody(editor.ParseBody(bodyB)); got != want {
			t.Fatalf("accept all through the cards: %q, want %q", got, want)
		}
		if got, want := r.apply(all).Body, editor.FormatBody(editor.ParseBody(bodyA)); got != want {
			t.Fatalf("reject all through the cards: %q, want %q", got, want)
		}
		checkModel(t, r, rand.New(rand.NewPCG(seed, seed+1)))
	})
}
