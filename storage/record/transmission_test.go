package record_test

import (
	"context"
	"testing"
	"time"

	"copydesk/storage/record"
)

func TestTransmit(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	t0 := time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	a := filed(t, s, t0)
	sent := record.Transmission{Time: t0, Author: "tester", Profile: "alert", Format: "text", Target: "/hot", File: "/hot/x.txt", Bytes: []byte("IS terrorists defeated\n")}
	seq, err := record.Transmit(ctx, s, a.ID, sent)
	if err != nil {
		t.Fatal(err)
	}
	failed := sent
	failed.Error = "disk full"
	seq2, err := record.Transmit(ctx, s, a.ID, failed)
	if err != nil || seq2 != seq+1 {
		t.Fatal(seq2, err)
	}
	got, err := record.LoadTransmission(ctx, s, a.ID, seq)
	if err != nil || string(got.Bytes) != string(sent.Bytes) || !got.OK() || got.Profile != "alert" {
		t.Fatalf("LoadTransmission = %+v, %v", got, err)
	}
	_, rev, err := s.Revision(ctx, a.ID, seq2)
	if err != nil || rev.Label != "send failed" || rev.Note == "" {
		t.Errorf("the failed send's revision: %+v, %v", rev, err)
	}
	if _, err := record.LoadTransmission(ctx, s, a.ID, 99); err == nil {
		t.Error("a transmission never made was found")
	}
}
