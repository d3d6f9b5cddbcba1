//go:build !unix

package keyfile

// lockDB cannot lock here: Badger's own directory lock is all there is,
// and the caller must make sure the database is closed.
func lockDB(dir string) (func(), error) { return func() {}, nil }
