package check_test

import (
	"context"
	"errors"
	"testing"

	"copydesk/editor/check"
)

// failingSettings fails every read with err.
type failingSettings struct{ err error }

func (f failingSettings) Setting(context.Context, string) ([]byte, error) { return nil, f.err }

// TestUnsetOrFailed: an unset setting (an error whose NotFound says true)
// is an empty dictionary and the built-in rules; any other failure to read
// is returned, never taken for "unset".
func TestUnsetOrFailed(t *testing.T) {
	ctx := context.Background()
	broken := errors.New("disk on fire")
	tests := []struct {
		name    string
		err     error
		wantErr error
	}{
		{"unset", unsetError("x"), nil},
		{"wrapped unset", errors.Join(errors.New("reading"), unsetError("x")), nil},
		{"failed", broken, broken},
	}
	for _, tc := range tests {
		s := failingSettings{tc.err}
		words, err := check.LoadDesk(ctx, s)
		if !errors.Is(err, tc.wantErr) || tc.wantErr == nil && (err != nil || len(words) != 0) {
			t.Errorf("%s: LoadDesk = %v, %v; want no words, %v", tc.name, words, err, tc.wantErr)
		}
		r, err := check.LoadRules(ctx, s, "tass")
		if !errors.Is(err, tc.wantErr) || tc.wantErr == nil && (err != nil || r == nil) {
			t.Errorf("%s: LoadRules = %v, %v; want the built-in rules, %v", tc.name, r, err, tc.wantErr)
		}
	}
}
