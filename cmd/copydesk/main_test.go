package main

import (
	"os"
	"testing"

	"copydesk/storage/pgtest"
)

// TestMain shares one throwaway PostgreSQL server among the tests of the
// shared store (started by the first pgtest.Database, stopped at the end).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
