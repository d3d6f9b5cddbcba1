package history

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestRevisionRowsAreNotKept: Fyne's list makes new rows whenever the
// collector has emptied its pool of spare ones. Rows the list has let go
// of must be collectable: 5,000 rows made and dropped leave the heap
// about where it was.
func TestRevisionRowsAreNotKept(t *testing.T) {
	test.NewTempApp(t)
	v := &View{}
	l := v.newRevisionList()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	for range 5000 {
		_ = l.CreateItem()
	}
	grown := int64(heap()) - int64(before)
	runtime.KeepAlive(l) // the list lives on, as in the window
	t.Logf("grown %d KB", grown>>10)
	if grown > 4<<20 {
		t.Errorf("5,000 dropped rows still hold %d MB", grown>>20)
	}
}
