package editor

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var when = time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC)

func sample() *Article {
	a := New(when)
	a.Headline = "IS terrorists defeated in Syria and Iraq still running global offshoots, says FSB chief"
	a.Body = "SOCHI. Text\u00a0with NBSP.\n\n## A subhead\n\n> \"A quote,\" he said."
	a.Dateline = Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", Source: "TASS"}
	return a
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"one", 1},
		{"two words", 2},
		{"nbsp\u00a0separates", 2},
		{"thin\u2009space and narrow\u202fnbsp", 5},
		{"dash — is not a word", 5},
		{"43,500 people", 2},
		{"al-Qaeda's fighters", 2},
		{"## Subhead marker", 2},
		{"  leading and trailing  ", 3},
		{"Москва, 16 октября", 3},
		{"\" ' « »", 0},
	}
	for _, tc := range tests {
		if got := CountWords(tc.text); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestCounts(t *testing.T) {
	a := sample()
	c := a.Counts()
	// "SOCHI. Text with NBSP." 4 + "A subhead" 2 + "\"A quote,\" he said." 4
	if c.Words != 10 {
		t.Errorf("words = %d, want 10", c.Words)
	}
	if want := CountChars(PlainBody(a.Body)); c.Chars != want || c.Chars == 0 {
		t.Errorf("chars = %d, want %d", c.Chars, want)
	}
	if c.ReadingTime != time.Minute {
		t.Errorf("reading time = %v", c.ReadingTime)
	}
	if ReadingTime(ReadingRate*3+1) != 4*time.Minute || ReadingTime(0) != 0 {
		t.Error("reading time rounds up to whole minutes")
	}
}

func TestNormalizeTags(t *testing.T) {
	got := NormalizeTags([]string{"  Syria ", "syria", "Security   Services", "", "SYRIA", "FSB", "security services"})
	want := []string{"Syria", "Security Services", "FSB"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if NormalizeTags([]string{" ", ""}) != nil {
		t.Error("all-empty tags should normalise to nil")
	}
	a := sample()
	a.Tags = []string{"Terrorism"}
	if !a.HasTag("  TERRORISM ") || a.HasTag("terror") {
		t.Error("HasTag compares whole tags, ignoring case and spacing")
	}
}

func TestStatusWorkflow(t *testing.T) {
	tests := []struct {
		from, to Status
		ok       bool
	}{
		{StatusDraft, StatusInEdit, true},
		{StatusInEdit, StatusReady, true},
		{StatusReady, StatusPublished, true},
		{StatusReady, StatusInEdit, true},
		{StatusInEdit, StatusDraft, true},
		{StatusDraft, StatusReady, false},
		{StatusDraft, StatusPublished, false},
		{StatusPublished, StatusReady, false},
		{StatusPublished, StatusSpiked, true},
		{StatusDraft, StatusSpiked, true},
		{StatusSpiked, StatusDraft, false},
		{StatusDraft, "bogus", false},
	}
	for _, tc := range tests {
		err := CanMove(tc.from, tc.to)
		if (err == nil) != tc.ok {
			t.Errorf("CanMove(%s, %s) = %v, want ok=%v", tc.from, tc.to, err, tc.ok)
		}
	}
	a := sample()
	a.Status = StatusReady
	a.Spike()
	if a.Status != StatusSpiked || a.SpikedFrom != StatusReady {
		t.Fatalf("spike: %s from %s", a.Status, a.SpikedFrom)
	}
	if err := a.Unspike(); err != nil || a.Status != StatusReady || a.SpikedFrom != "" {
		t.Fatalf("unspike: %v, %s", err, a.Status)
	}
	if err := a.Unspike(); err == nil {
		t.Error("unspiking a live story should fail")
	}
}

func TestParseStatus(t *testing.T) {
	for _, s := range []string{"in_edit", "in-edit", "In edit", "INEDIT"} {
		if st, err := ParseStatus(s); err != nil || st != StatusInEdit {
			t.Errorf("ParseStatus(%q) = %v, %v", s, st, err)
		}
	}
	if _, err := ParseStatus("killed"); err == nil || !strings.Contains(err.Error(), "spiked") {
		t.Errorf("unknown status error should list the statuses: %v", err)
	}
}

func TestValidate(t *testing.T) {
	if err := sample().Validate(); err != nil {
		t.Fatalf("sample should be valid: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(a *Article)
		field string
	}{
		{"empty headline", func(a *Article) { a.Headline = "  " }, "headline"},
		{"long headline", func(a *Article) { a.Headline = strings.Repeat("x", MaxHeadlineChars+1) }, "headline"},
		{"headline line break", func(a *Article) { a.Headline = "two\nlines" }, "headline"},
		{"bad utf8", func(a *Article) { a.Standfirst = "ok \xff bad" }, "standfirst"},
		{"nul in body", func(a *Article) { a.Body = "a\x00b" }, "body"},
		{"huge body", func(a *Article) { a.Body = strings.Repeat("word ", MaxBodyBytes/5+1) }, "body"},
		{"bad date", func(a *Article) { a.Dateline.Date = "16 October" }, "dateline.date"},
		{"byline role", func(a *Article) { a.Bylines = []Byline{{Name: "A", Role: "boss"}} }, "bylines[0].role"},
		{"byline name", func(a *Article) { a.Bylines = []Byline{{Role: RoleWriter}} }, "bylines[0].name"},
		{"too many tags", func(a *Article) { a.Tags = make([]string, MaxTags+1) }, "tags"},
		{"empty tag", func(a *Article) { a.Tags = []string{"ok", ""} }, "tags[1]"},
		{"status", func(a *Article) { a.Status = "killed" }, "status"},
		{"urgency", func(a *Article) { a.Urgency = 10 }, "urgency"},
		{"id", func(a *Article) { a.ID = "42" }, "id"},
		{"times", func(a *Article) { a.Modified = a.Created.Add(-time.Hour) }, "modified"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := sample()
			tc.edit(a)
			err := a.Validate()
			v, ok := AsValidation(err)
			if !ok {
				t.Fatalf("want a ValidationError, got %v", err)
			}
			if v.Field(tc.field) == nil {
				t.Fatalf("no problem reported for %s: %v", tc.field, err)
			}
			if !strings.Contains(err.Error(), tc.field) {
				t.Errorf("message does not name the field: %v", err)
			}
		})
	}
}

func TestValidateNamesByteOffset(t *testing.T) {
	a := sample()
	a.Headline = "abc\xffdef"
	err := a.Validate()
	if err == nil || !strings.Contains(err.Error(), "offset 3") {
		t.Errorf("want the bad byte's offset: %v", err)
	}
}

func TestEncodeRoundTripAndStability(t *testing.T) {
	a := sample()
	a.Tags = []string{"FSB", "<b>&</b>"}
	a.Bylines = []Byline{{Name: "Ivan", Role: RoleWriter, Title: "Sochi correspondent"}}
	data := a.Encode()
	if strings.Contains(string(data), `\u003c`) {
		t.Error("canonical encoding must not HTML-escape")
	}
	b, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if string(b.Encode()) != string(data) || b.ContentHash() != a.ContentHash() {
		t.Error("decode → encode changed the bytes")
	}
	c := a.Clone()
	c.Tags[0] = "changed"
	if a.Tags[0] != "FSB" {
		t.Error("Clone shares the tags slice")
	}
	if c.ContentHash() == a.ContentHash() {
		t.Error("content hash ignores tags")
	}
	if _, err := Decode([]byte("{")); err == nil {
		t.Error("bad JSON decoded")
	}
}

func TestDatelineRender(t *testing.T) {
	d := Dateline{Place: "Sochi", Region: "Russia", Date: "2019-10-16", Source: "TASS"}
	tests := []struct {
		style Style
		d     Dateline
		want  string
	}{
		{StyleTASS, d, "SOCHI, October 16. /TASS/."},
		{StyleAP, Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16"}, "SOCHI, Russia (AP) —"},
		{StyleReuters, Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16"}, "SOCHI, Russia, Oct 16 (Reuters) -"},
		{StyleAP, Dateline{Place: "New York"}, "NEW YORK (AP) —"},
		{StyleTASS, Dateline{}, ""},
	}
	for _, tc := range tests {
		if got := tc.d.Render(tc.style); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.style, got, tc.want)
		}
	}
	if _, err := ParseStyle("Reuters"); err != nil {
		t.Error(err)
	}
	if _, err := ParseStyle("bbc"); err == nil {
		t.Error("unknown style accepted")
	}
}

func TestRevise(t *testing.T) {
	desk := sample()
	desk.Slug = "RUSSIA-SECURITY/FSB"
	desk.Tags = []string{"FSB"}
	desk.Status = StatusInEdit
	desk.EdNote = "check numbers"
	up := New(when.Add(time.Hour))
	up.Headline = "Updated headline"
	up.Body = "New body."
	up.Tags = []string{"fsb", "Syria"}
	got := Revise(desk, up, when.Add(2*time.Hour))
	if got.ID != desk.ID || got.Slug != desk.Slug || got.Status != StatusInEdit || got.EdNote != "check numbers" {
		t.Errorf("desk fields not kept: %+v", got)
	}
	if got.Headline != "Updated headline" || got.Body != "New body." || got.Dateline != desk.Dateline {
		t.Errorf("update not applied: %+v", got)
	}
	if strings.Join(got.Tags, ",") != "FSB,Syria" {
		t.Errorf("tags = %q", got.Tags)
	}
	if !got.Modified.Equal(when.Add(2 * time.Hour)) {
		t.Errorf("modified = %v", got.Modified)
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "empty"},
		{"binary", "abc\x00def", "binary"},
		{"latin1", "line one\nCaf\xe9", "offset 12"},
		{"ok", "text", ""},
	}
	for _, tc := range tests {
		err := CheckText("story.txt", []byte(tc.data))
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "story.txt") {
			t.Errorf("%s: got %v, want an InputError naming the file and %q", tc.name, err, tc.want)
		}
	}
	if err := CheckText("big.txt", make([]byte, MaxImportBytes+1)); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized input: %v", err)
	}
}
