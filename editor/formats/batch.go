package formats

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"copydesk/editor"
)

// Loader fetches one article for a batch export, with the options its
// export needs (its revision, its publication time).
type Loader func(ctx context.Context, id string) (*editor.Article, ExportOptions, error)

// BatchProgress is told after each file: done of total, and the file name.
type BatchProgress func(done, total int, name string)

// ExportBatch writes one file per article into dir, named by Namer, so
// no slug can put a file outside dir. Each file is written whole or not
// at all. It stops at the first failure or when ctx is cancelled and
// returns the paths written so far with the error, which says how far it got.
func ExportBatch(ctx context.Context, ids []string, f Format, dir string, load Loader, progress BatchProgress) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the export folder: %w", err)
	}
	var names Namer
	var written []string
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return written, fmt.Errorf("export stopped after %d of %d articles", i, len(ids))
		}
		a, opt, err := load(ctx, id)
		if err == nil {
			var data []byte
			if data, err = Export(a, f, opt); err == nil {
				name := names.Name(a, f)
				path := filepath.Join(dir, name)
				if err = WriteFileAtomic(path, data); err == nil {
					written = append(written, path)
					if progress != nil {
						progress(i+1, len(ids), name)
					}
					continue
				}
			}
		}
		return written, fmt.Errorf("article %s: %w (%d of %d exported)", id, err, i, len(ids))
	}
	return written, nil
}
