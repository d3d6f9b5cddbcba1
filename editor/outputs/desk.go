package outputs

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// SettingsReader is what the profiles read from the desk's store: a
// setting by name (storage.Store is one). An unset setting is reported with
// an error that has a NotFound method returning true, as storage's
// *NotFoundError has — declared here so the core never imports the stores.
type SettingsReader interface {
	Setting(ctx context.Context, name string) ([]byte, error)
}

// SettingsStore also keeps settings (storage.Store is one).
type SettingsStore interface {
	SettingsReader
	SetSetting(ctx context.Context, name string, value []byte) error
}

// Setting is the name of the desk's profiles file in the store.
const Setting = "outputs.profiles"

func unset(err error) bool {
	var nf interface{ NotFound() bool }
	return errors.As(err, &nf) && nf.NotFound()
}

// LoadDesk returns the desk's profiles, or the built-ins when it keeps none.
func LoadDesk(ctx context.Context, s SettingsReader) ([]Profile, error) {
	data, err := s.Setting(ctx, Setting)
	if unset(err) {
		return Builtins(), nil
	}
	if err != nil {
		return nil, err
	}
	return Load("the desk's output profiles ("+Setting+")", data)
}

// DeskSource is the desk's profiles file, or the built-ins written as one
// to start editing from.
func DeskSource(ctx context.Context, s SettingsReader) ([]byte, error) {
	data, err := s.Setting(ctx, Setting)
	if unset(err) {
		return Marshal(Builtins()), nil
	}
	return data, err
}

// SaveDesk validates a profiles file and keeps it as the desk's.
func SaveDesk(ctx context.Context, s SettingsStore, file string, data []byte) ([]Profile, error) {
	ps, err := Load(file, data)
	if err != nil {
		return nil, err
	}
	return ps, s.SetSetting(ctx, Setting, data)
}

// Marshal writes profiles as a file Load reads back to the same profiles.
func Marshal(ps []Profile) []byte {
	var b strings.Builder
	b.WriteString("# Output profiles: the shapes a story leaves the desk in.\n")
	b.WriteString("# fields: headline, standfirst, lead (first paragraph) or body.\n")
	b.WriteString("# limits: headline_chars, standfirst_words, standfirst_chars, body_words,\n")
	b.WriteString("#   body_chars, print_lines with line_length (characters a printed line).\n")
	b.WriteString("profiles:\n")
	for _, p := range ps {
		fields := make([]string, len(p.Fields))
		for i, f := range p.Fields {
			fields[i] = string(f)
		}
		fmt.Fprintf(&b, "  - name: %s\n    format: %s\n    fields: [%s]\n", p.Name, p.Format, strings.Join(fields, ", "))
		if lim := p.Limits.pairs(); len(lim) > 0 {
			fmt.Fprintf(&b, "    limits: {%s}\n", strings.Join(lim, ", "))
		}
	}
	return []byte(b.String())
}

// pairs are the limits that are set, as "key: n".
func (l Limits) pairs() []string {
	var out []string
	for _, lk := range limitKeys {
		if n := *lk.at(&l); n > 0 {
			out = append(out, fmt.Sprintf("%s: %d", lk.key, n))
		}
	}
	return out
}

// Describe is a profile on one line, as `copydesk outputs` lists it:
// "alert  text  headline  headline_chars 55".
func (p *Profile) Describe() string {
	fields := make([]string, len(p.Fields))
	for i, f := range p.Fields {
		fields[i] = string(f)
	}
	lim := strings.Join(p.Limits.pairs(), ", ")
	if lim == "" {
		lim = "no limits"
	}
	return fmt.Sprintf("%-10s %-7s %-30s %s", p.Name, p.Format, strings.Join(fields, ","), lim)
}
