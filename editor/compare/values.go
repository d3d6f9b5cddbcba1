package compare

// Numbers returns the figures in text as the numbers check reads them
// ("43,500", "1.5", "50%"), in order. Exported so that other views (the
// review cards) flag numbers exactly as History does.
func Numbers(text string) []string { return numbers(text) }

// Quoted returns the passages inside quotation marks in text, in order,
// as the quotes check reads them.
func Quoted(text string) []string { return quoted(text) }
