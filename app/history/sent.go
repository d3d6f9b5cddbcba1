package history

import (
	"math"

	"copydesk/app/i18n"
	"copydesk/storage"
	"copydesk/storage/record"
)

// History compares the draft or any revision with what subscribers have:
// the newest transmission to each target the story went to, as its
// profile shaped it (record.SentCopy: an alert is its headline). The
// pickers offer one "Last sent to TARGET" side per target, numbered down
// from the top of uint64, where no revision number reaches.

// firstSentSide is the side of the newest target; the next is one less.
const firstSentSide = math.MaxUint64

// withSentSides adds a side per target after the draft's.
func (v *View) withSentSides(sides []uint64, opts []string) ([]uint64, []string) {
	sent := v.sentList()
	if len(sent) == 0 {
		return sides, opts
	}
	outS := append([]uint64{}, sides[:1]...)
	outO := append([]string{}, opts[:1]...)
	for i, s := range sent {
		outS = append(outS, firstSentSide-uint64(i))
		outO = append(outO, i18n.Tf("Last sent to %s · #%d · %s", s.Target, s.Seq, s.Profile))
	}
	return append(outS, sides[1:]...), append(outO, opts[1:]...)
}

func (v *View) sentList() []record.Sent {
	if p := v.sent.Load(); p != nil {
		return *p
	}
	return nil
}

// sentSide is the transmission side seq stands for, if it is one.
func (v *View) sentSide(seq uint64) (record.Sent, bool) {
	sent := v.sentList()
	if seq > firstSentSide-uint64(len(sent)) && len(sent) > 0 {
		return sent[firstSentSide-seq], true
	}
	return record.Sent{}, false
}

// sentTarget is the target of a transmission side.
func (v *View) sentTarget(seq uint64) (string, bool) {
	s, ok := v.sentSide(seq)
	if !ok {
		return "", false // s.Transmission is nil
	}
	return s.Target, true
}

// announced reports whether a revision of kind k was announced to
// subscribers: the list makes it stand out.
func announced(k storage.Kind) bool {
	return k == storage.KindCorrection || k == storage.KindKill || k == storage.KindWithhold
}
