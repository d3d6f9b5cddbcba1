package badgerstore

// EncryptionKey is the key the store was opened with, nil for a plain
// desk: a backup of an encrypted desk is sealed under keys derived from
// it (storage/backup).
func (s *Store) EncryptionKey() []byte { return s.opts.EncryptionKey }
