package compare

import (
	"cmp"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/editor"
)

// Bounds on the pairing work, so that a pathological body (thousands of
// one-word paragraphs, all rewritten) stays fast. Real copy is far below.
const (
	maxRunSide    = 256     // a long run of changes is paired in slices of this many blocks a side
	maxMovePairs  = 1 << 20 // deleted × inserted blocks examined for near-moves
	deadlineEvery = 64      // similarity computations between deadline checks
)

// segment is one step of the block diff: a block equal on both sides
// (eqA, eqB ≥ 0), or a run of changes between two equal blocks — the
// blocks A had there and the blocks B has there.
type segment struct {
	eqA, eqB  int
	dels, ins []int
}

// blockDiff is the body comparison in progress.
type blockDiff struct {
	c          *comparer
	a, b       []editor.Block
	tokA, tokB []*tokenized
	runA, runB []int // segment of each deleted / inserted block; -1 when equal
	moveA      []int // B index a deleted block moved to; -1
	moveB      []int // A index an inserted block came from; -1
	simMoves   []float64
	checks     int
}

func (c *comparer) compareBlocks(a, b []editor.Block) []Entry {
	d := &blockDiff{
		c: c, a: a, b: b,
		tokA: make([]*tokenized, len(a)), tokB: make([]*tokenized, len(b)),
		runA: filled(len(a), -1), runB: filled(len(b), -1),
		moveA: filled(len(a), -1), moveB: filled(len(b), -1),
		simMoves: make([]float64, len(b)),
	}
	segs := d.segments()
	d.exactMoves(segs)
	d.nearMoves(segs)
	var out []Entry
	for _, s := range segs {
		if s.eqA >= 0 {
			bl := a[s.eqA]
			out = append(out, Entry{Kind: Equal, Block: bl.Kind, OldBlock: bl.Kind, A: s.eqA, B: s.eqB,
				Partner: -1, Similarity: 1, Chunks: appendChunk(nil, OpEqual, bl.Text)})
			continue
		}
		out = d.emitRun(out, s, d.pairRun(s))
	}
	linkMoves(out)
	return out
}

func filled(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// segments runs go-diff over the two block sequences, each block (kind and
// text) mapped to one rune.
func (d *blockDiff) segments() []segment {
	table := make(map[editor.Block]int32, len(d.a)+len(d.b))
	ra, rb := make([]rune, len(d.a)), make([]rune, len(d.b))
	for i, bl := range d.a {
		ra[i] = idRune(intern(table, bl))
	}
	for i, bl := range d.b {
		rb[i] = idRune(intern(table, bl))
	}
	var diffs []diffmatchpatch.Diff
	if d.c.timeLeft() {
		diffs = d.c.dmp.DiffMainRunes(ra, rb, false)
	} else {
		diffs = []diffmatchpatch.Diff{{Type: diffmatchpatch.DiffDelete, Text: string(ra)}, {Type: diffmatchpatch.DiffInsert, Text: string(rb)}}
	}
	var segs []segment
	run := func() *segment {
		if n := len(segs); n > 0 && segs[n-1].eqA < 0 {
			return &segs[n-1]
		}
		segs = append(segs, segment{eqA: -1, eqB: -1})
		return &segs[len(segs)-1]
	}
	del := func(i int) { s := run(); s.dels = append(s.dels, i); d.runA[i] = len(segs) - 1 }
	ins := func(i int) { s := run(); s.ins = append(s.ins, i); d.runB[i] = len(segs) - 1 }
	ia, ib := 0, 0
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			for k := range n {
				if d.a[ia+k] == d.b[ib+k] {
					segs = append(segs, segment{eqA: ia + k, eqB: ib + k})
				} else { // two overflow blocks shared a rune
					del(ia + k)
					ins(ib + k)
				}
			}
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			for k := range n {
				del(ia + k)
			}
			ia += n
		case diffmatchpatch.DiffInsert:
			for k := range n {
				ins(ib + k)
			}
			ib += n
		}
	}
	return segs
}

// intern returns the ID of a token or block, adding it when new.
func intern[K comparable](table map[K]int32, k K) int32 {
	if id, ok := table[k]; ok {
		return id
	}
	id := int32(len(table))
	if id >= tokenLimit {
		return tokenLimit
	}
	table[k] = id
	return id
}

func (d *blockDiff) tokenA(i int) *tokenized {
	if d.tokA[i] == nil {
		d.tokA[i] = d.c.tokenize(d.a[i].Text)
	}
	return d.tokA[i]
}

func (d *blockDiff) tokenB(i int) *tokenized {
	if d.tokB[i] == nil {
		d.tokB[i] = d.c.tokenize(d.b[i].Text)
	}
	return d.tokB[i]
}

// similarity of A's block i and B's block j: 1 for the same text, else
// the Dice coefficient of their word sets. ok is false when the deadline
// has passed and the pair was not examined.
func (d *blockDiff) similarity(i, j int) (sim float64, ok bool) {
	if d.a[i].Text == d.b[j].Text {
		return 1, true
	}
	d.checks++
	if d.checks%deadlineEvery == 0 && !d.c.deadline.IsZero() && time.Now().After(d.c.deadline) {
		d.c.coarse = true
	}
	if d.c.coarse {
		return 0, false
	}
	ta, tb := d.tokenA(i), d.tokenB(j)
	if diceBound(len(ta.words), len(tb.words)) < d.c.opt.PairThreshold/2 {
		return 0, true
	}
	return dice(ta.words, tb.words), true
}

// exactMoves pairs each deleted block with an inserted block of the same
// text in another run: that paragraph moved.
func (d *blockDiff) exactMoves(segs []segment) {
	byText := make(map[string][]int)
	for _, s := range segs {
		for _, j := range s.ins {
			byText[d.b[j].Text] = append(byText[d.b[j].Text], j)
		}
	}
	if len(byText) == 0 {
		return
	}
	for _, s := range segs {
		for _, i := range s.dels {
			for _, j := range byText[d.a[i].Text] {
				if d.moveB[j] < 0 && d.runB[j] != d.runA[i] {
					d.link(i, j, 1)
					break
				}
			}
		}
	}
}

func (d *blockDiff) link(i, j int, sim float64) {
	d.moveA[i], d.moveB[j], d.simMoves[j] = j, i, sim
}

// nearMoves finds blocks deleted in one place and inserted nearly the same
// elsewhere (similarity ≥ MoveThreshold), best pairs first, unless one of
// the two has a partner in its own run at least as similar: an edit in
// place reads better than a move.
func (d *blockDiff) nearMoves(segs []segment) {
	dels, ins := d.unmoved(segs)
	if len(dels) == 0 || len(ins) == 0 || len(dels)*len(ins) > maxMovePairs || len(segs) < 2 {
		return
	}
	barA, barB := d.inPlaceBars(segs, len(dels), len(ins))
	cands, ok := d.moveCandidates(dels, ins, barA, barB)
	if !ok {
		return
	}
	slices.SortStableFunc(cands, func(x, y moveCand) int { return cmp.Compare(y.sim, x.sim) })
	for _, k := range cands {
		if d.moveA[k.i] < 0 && d.moveB[k.j] < 0 {
			d.link(k.i, k.j, k.sim)
		}
	}
}

// unmoved lists the runs' deleted and inserted blocks not yet moved.
func (d *blockDiff) unmoved(segs []segment) (dels, ins []int) {
	for _, s := range segs {
		for _, i := range s.dels {
			if d.moveA[i] < 0 {
				dels = append(dels, i)
			}
		}
		for _, j := range s.ins {
			if d.moveB[j] < 0 {
				ins = append(ins, j)
			}
		}
	}
	return dels, ins
}

// inPlaceBars is the bar each block must clear besides the threshold: its
// best partner in place.
func (d *blockDiff) inPlaceBars(segs []segment, nDels, nIns int) (barA, barB map[int]float64) {
	barA, barB = make(map[int]float64, nDels), make(map[int]float64, nIns)
	for _, s := range segs {
		if len(s.dels)*len(s.ins) > maxRunSide*maxRunSide {
			continue // pairRun slices such a run: no single best partner
		}
		for _, i := range s.dels {
			for _, j := range s.ins {
				if d.moveA[i] < 0 && d.moveB[j] < 0 {
					sim, _ := d.similarity(i, j)
					barA[i], barB[j] = max(barA[i], sim), max(barB[j], sim)
				}
			}
		}
	}
	return barA, barB
}

// moveCand is a deleted block i that may have moved to inserted block j.
type moveCand struct {
	i, j int
	sim  float64
}

// moveCandidates are the pairs of different runs similar enough to be a
// move and more similar than either block's partner in place; ok is false
// when the similarity budget ran out (then nothing is moved).
func (d *blockDiff) moveCandidates(dels, ins []int, barA, barB map[int]float64) (cands []moveCand, ok bool) {
	thr := d.c.opt.MoveThreshold
	for _, i := range dels {
		if barA[i] >= 1 {
			continue
		}
		wi := len(d.tokenA(i).words)
		for _, j := range ins {
			bar := max(barA[i], barB[j])
			if bound := diceBound(wi, len(d.tokenB(j).words)); d.runA[i] == d.runB[j] || bound < thr || bound <= bar {
				continue
			}
			sim, ok := d.similarity(i, j)
			if !ok {
				return nil, false
			}
			if sim >= thr && sim > bar {
				cands = append(cands, moveCand{i, j, sim})
			}
		}
	}
	return cands, true
}

func kindIndex(k editor.BlockKind) int {
	if k < 0 || k > editor.Quote {
		return 0
	}
	return int(k)
}

// pair is a deleted and an inserted block shown as one changed block.
type pair struct {
	a, b int
	sim  float64
}

// pairRun pairs the run's deleted and inserted blocks that are similar,
// keeping their order on both sides (a monotone alignment maximising the
// summed similarity). Long runs are aligned slice by slice.
func (d *blockDiff) pairRun(s segment) []pair {
	var dels, ins []int
	for _, i := range s.dels {
		if d.moveA[i] < 0 {
			dels = append(dels, i)
		}
	}
	for _, j := range s.ins {
		if d.moveB[j] < 0 {
			ins = append(ins, j)
		}
	}
	if len(dels) == 0 || len(ins) == 0 {
		return nil
	}
	// A block of a kind the run has only one of on each side (the one
	// subhead, or a lone paragraph replaced by another) stands where its
	// counterpart stood: it pairs at half the threshold.
	var kindsA, kindsB [3]int
	for _, i := range dels {
		kindsA[kindIndex(d.a[i].Kind)]++
	}
	for _, j := range ins {
		kindsB[kindIndex(d.b[j].Kind)]++
	}
	lone := func(i, j int) bool {
		k := kindIndex(d.a[i].Kind)
		return d.a[i].Kind == d.b[j].Kind && kindsA[k] == 1 && kindsB[k] == 1
	}
	slicesN := (max(len(dels), len(ins)) + maxRunSide - 1) / maxRunSide
	var out []pair
	for k := range slicesN {
		sd := dels[k*len(dels)/slicesN : (k+1)*len(dels)/slicesN]
		si := ins[k*len(ins)/slicesN : (k+1)*len(ins)/slicesN]
		out = append(out, d.align(sd, si, lone)...)
	}
	return out
}

// align is the dynamic programme behind pairRun.
func (d *blockDiff) align(dels, ins []int, lone func(i, j int) bool) []pair {
	n, m := len(dels), len(ins)
	if n == 0 || m == 0 {
		return nil
	}
	w := make([]float64, n*m)
	for x, i := range dels {
		for y, j := range ins {
			w[x*m+y] = -1
			thr := d.c.opt.PairThreshold
			if lone(i, j) {
				thr /= 2
			}
			if sim, ok := d.similarity(i, j); ok && sim >= thr && sim > 0 {
				w[x*m+y] = sim
			}
		}
	}
	score := make([]float64, (n+1)*(m+1))
	at := func(x, y int) *float64 { return &score[x*(m+1)+y] }
	for x := 1; x <= n; x++ {
		for y := 1; y <= m; y++ {
			best := max(*at(x-1, y), *at(x, y-1))
			if wt := w[(x-1)*m+y-1]; wt >= 0 {
				best = max(best, *at(x-1, y-1)+wt)
			}
			*at(x, y) = best
		}
	}
	var out []pair
	for x, y := n, m; x > 0 && y > 0; {
		wt := w[(x-1)*m+y-1]
		switch {
		case wt >= 0 && *at(x, y) == *at(x-1, y-1)+wt:
			out = append(out, pair{dels[x-1], ins[y-1], wt})
			x, y = x-1, y-1
		case *at(x, y) == *at(x-1, y):
			x--
		default:
			y--
		}
	}
	slices.Reverse(out)
	return out
}

// emitRun writes a run's entries: before each changed pair the deletions
// and then the insertions that precede it, so both sides keep their order.
func (d *blockDiff) emitRun(out []Entry, s segment, pairs []pair) []Entry {
	x, y := 0, 0
	flush := func(untilA, untilB int) {
		for ; x < len(s.dels) && s.dels[x] < untilA; x++ {
			out = append(out, d.deletedEntry(s.dels[x]))
		}
		for ; y < len(s.ins) && s.ins[y] < untilB; y++ {
			out = append(out, d.insertedEntry(s.ins[y]))
		}
	}
	for _, p := range pairs {
		flush(p.a, p.b)
		x++
		y++
		ca, cb := d.a[p.a], d.b[p.b]
		out = append(out, Entry{Kind: Changed, Block: cb.Kind, OldBlock: ca.Kind, A: p.a, B: p.b, Partner: -1,
			Similarity: p.sim, Chunks: d.c.diffTokens(d.tokenA(p.a), d.tokenB(p.b))})
	}
	flush(len(d.a), len(d.b))
	return out
}

func (d *blockDiff) deletedEntry(i int) Entry {
	bl := d.a[i]
	if d.moveA[i] >= 0 {
		return Entry{Kind: MovedAway, Block: bl.Kind, OldBlock: bl.Kind, A: i, B: -1, Partner: -1}
	}
	return Entry{Kind: Deleted, Block: bl.Kind, OldBlock: bl.Kind, A: i, B: -1, Partner: -1,
		Chunks: appendChunk(nil, OpDelete, bl.Text)}
}

func (d *blockDiff) insertedEntry(j int) Entry {
	bl := d.b[j]
	if i := d.moveB[j]; i >= 0 {
		var chunks []Chunk
		if d.a[i].Text == bl.Text {
			chunks = appendChunk(nil, OpEqual, bl.Text)
		} else {
			chunks = d.c.diffTokens(d.tokenA(i), d.tokenB(j))
		}
		return Entry{Kind: Moved, Block: bl.Kind, OldBlock: d.a[i].Kind, A: i, B: j, Partner: -1,
			Similarity: d.simMoves[j], Chunks: chunks}
	}
	return Entry{Kind: Inserted, Block: bl.Kind, OldBlock: bl.Kind, A: -1, B: j, Partner: -1,
		Chunks: appendChunk(nil, OpInsert, bl.Text)}
}

// linkMoves points each Moved entry and its MovedAway entry at each other.
func linkMoves(out []Entry) {
	away := make(map[int]int)
	for k, e := range out {
		if e.Kind == MovedAway {
			away[e.A] = k
		}
	}
	for k, e := range out {
		if e.Kind == Moved {
			if m, ok := away[e.A]; ok {
				out[k].Partner, out[m].Partner = m, k
			}
		}
	}
}
