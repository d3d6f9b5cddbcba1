package torture

import (
	"os"
	"strings"
	"testing"

	"copydesk/storage/backup"
)

// TestTamper edits backups of a plain and an encrypted desk and restores
// each: every edit must be refused (or, on a plain desk, caught by
// verify), except the consistent rewrites a plain desk cannot tell from
// the real thing; those must pass, as the README says.
func TestTamper(t *testing.T) {
	r := &tally{group: "tampered backups"}
	defer addRow(r)
	plain := newDesk(t, false)
	plain.fill(plain.path("desk"), 4)
	pfile := plain.path("b.cdb")
	if o := plain.run("--db", plain.path("desk"), "backup", pfile); o.code != 0 {
		t.Fatalf("backup: %s", o.err)
	}
	enc := newDesk(t, true)
	enc.fill(enc.path("desk"), 4)
	efile := enc.path("b.cdb")
	if o := enc.run("--db", enc.path("desk"), "backup", efile); o.code != 0 {
		t.Fatalf("backup: %s", o.err)
	}
	// The attacker's own encrypted desk, under a passphrase they know.
	other := newDesk(t, true)
	if err := os.WriteFile(other.pass, []byte("the attacker's\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other.fill(other.path("desk"), 4)
	ofile := other.path("b.cdb")
	if o := other.run("--db", other.path("desk"), "backup", ofile); o.code != 0 {
		t.Fatalf("backup: %s", o.err)
	}
	otherBytes, err := os.ReadFile(ofile)
	if err != nil {
		t.Fatal(err)
	}
	control := Tamper{Name: "no edit (control)", Edit: func(b []byte) ([]byte, error) {
		return editRecords(b, func(_ *backup.Header, recs []rec) []rec { return recs })
	}}
	cases := append([]Tamper{control}, PlainTampers()...)
	cases = append(cases, EncryptedTampers(otherBytes)...)
	for i, tc := range cases {
		d, file := plain, pfile
		if tc.Encrypted {
			d, file = enc, efile
		}
		orig, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		edited, err := tc.Edit(orig)
		if err != nil {
			t.Fatalf("%s: %v", tc, err)
		}
		name := d.path("t" + string(rune('a'+i)) + ".cdb")
		if err := os.WriteFile(name, edited, 0o600); err != nil {
			t.Fatal(err)
		}
		dst := d.path("r" + string(rune('a'+i)))
		o := d.run("restore", name, "--db", dst)
		detected := o.code != 0
		if !detected {
			v := d.run("--db", dst, "verify")
			detected = v.code != 0
		}
		if o.panicked() {
			r.panics++
		}
		if tc.Name == control.Name {
			if detected {
				t.Fatalf("the unedited control did not restore: %s", o.err)
			}
			continue
		}
		r.cases++
		r.tamperCases++
		first := strings.SplitN(strings.TrimSpace(o.err), "\n", 2)[0]
		switch {
		case detected && o.clear():
			r.refusals++
			r.tampr++
			r.note("%s → detected: %.200s", tc, first)
		case detected:
			r.tampr++
			r.note("%s → detected, exit %d", tc, o.code)
		case tc.Limit:
			r.ok++
			r.note("%s → passes (plain-desk limit: every hash recomputed)", tc)
		default:
			r.silent++
			r.note("%s → NOT DETECTED", tc)
			t.Errorf("%s: restored and verified without a word", tc)
		}
		if detected && tc.Limit && !tc.Encrypted {
			t.Logf("%s: detected, though a plain desk is not expected to", tc)
		}
		if !detected && tc.Encrypted {
			t.Errorf("%s: an encrypted backup accepted an edit", tc)
		}
	}
}
