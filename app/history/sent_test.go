package history

import (
	"strings"
	"testing"
	"time"

	"copydesk/storage"
	"copydesk/storage/record"
)

// TestCompareAgainstLastSent: a story sent as an alert and then killed
// offers "Last sent to" the folder as a side; comparing it with the
// draft compares what subscribers have (the alert: the headline only)
// with the killed story; the list names the kill.
func TestCompareAgainstLastSent(t *testing.T) {
	d := newDesk(t)
	folder := t.TempDir()
	seq, err := record.Transmit(d.ctx, d.store, d.id, record.Transmission{Time: t0.Add(2 * time.Hour), Author: "anna",
		Profile: "alert", Format: "text", Target: folder, File: folder + "/a.txt", Bytes: []byte("alert")})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := record.Act(d.ctx, d.store, d.id, record.Decision{Action: record.Kill, Reason: "legal",
		Note: "Kill this story: legally unsafe", Author: "boris"}); err != nil {
		t.Fatal(err)
	}
	v, _ := newView(t, d, Options{}, nil)
	side := v.sideIndex(firstSentSide)
	if side < 0 || !strings.HasPrefix(v.fromSel.Options[side], "Last sent to "+folder) {
		t.Fatalf("no last-sent side among %q", v.fromSel.Options)
	}
	if got, ok := v.sentSide(firstSentSide); !ok || got.Seq != seq {
		t.Fatalf("side is %+v, want the transmission of revision %d", got, seq)
	}
	onUI(v, func() {
		v.fromSel.SetSelectedIndex(side)
		v.toSel.SetSelectedIndex(v.sideIndex(draftSide))
	})
	v.bg.Wait()
	if v.result == nil {
		t.Fatalf("nothing compared: %q", v.stats.Text)
	}
	if v.meta.From.Label != "last sent to "+folder || v.meta.From.Seq != int(seq) {
		t.Errorf("report side %+v", v.meta.From)
	}
	if !strings.Contains(v.redlineName(), "-sent-r") {
		t.Errorf("redline name %q", v.redlineName())
	}
	// The alert carried the headline only: the body is all new on the
	// draft's side.
	a, _, err := record.SentCopy(d.ctx, d.store, d.id, folder)
	if err != nil || a.Body != "" {
		t.Fatalf("sent copy body %q, %v", a.Body, err)
	}
	revs := d.revisions()
	if k := revs[len(revs)-1].Kind; k != storage.KindKill || kindText(k) != "KILL" || !announced(k) {
		t.Errorf("newest revision %s shown as %q", k, kindText(k))
	}
}
