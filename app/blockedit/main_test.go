package blockedit

import (
	"os"
	"testing"
)

// TestMain keeps the caret's rest timer from firing in tests that run past
// its delay: the test driver would run the rest on the timer's goroutine,
// racing the test (go test -race reports it). The caret-rest tests drive
// rest with their own timer.
func TestMain(m *testing.M) {
	CaretRest = 0
	os.Exit(m.Run())
}
