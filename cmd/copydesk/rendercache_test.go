package main

import (
	"testing"
	"time"
	_ "unsafe" // for go:linkname

	"copydesk/cmd/copydesk/internal/rendercache"
)

// fyneCacheDuration is how long Fyne keeps renderings of objects off
// screen, read from its internal cache package: the only way to see that
// it took rendercache.Keep, which it reads during package initialisation.
//
//go:linkname fyneCacheDuration fyne.io/fyne/v2/internal/cache.ValidDuration
var fyneCacheDuration time.Duration

// TestFyneKeepsRenderingsForKeep: rendercache is initialised before Fyne's
// cache, so the window keeps renderings for rendercache.Keep. If package
// initialisation put Fyne first, it would keep them for its default minute.
func TestFyneKeepsRenderingsForKeep(t *testing.T) {
	if !rendercache.Applied {
		t.Skip("FYNE_CACHE is set in this environment")
	}
	if fyneCacheDuration != rendercache.Keep {
		t.Errorf("Fyne keeps renderings for %s, want %s", fyneCacheDuration, rendercache.Keep)
	}
}
