package export_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"copydesk/editor/export"
)

// TestNinjs23: the 2.3 export declares 2.3 and its schema, and differs
// from the 2.2 export in nothing else. The 2.3 schema (iptc/newsinjson,
// specification/ninjs-schema_2.3.json) is not kept in the repository; read
// beside 2.2 it has the same properties, each with the same type, and
// adds only $defs/resourceType for renditions[].resources, which the desk
// never writes. So every 2.3 export is checked against the 2.2 schema
// here, the standard object being a plain name/version/uri in both.
func TestNinjs23(t *testing.T) {
	sch := ninjsSchema(t)
	for name, a := range validationArticles(t) {
		out23, err := export.Ninjs23(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		out22, err := export.Ninjs(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		var item map[string]any
		if err := json.Unmarshal(out23, &item); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		std, _ := item["standard"].(map[string]any)
		if std["version"] != "2.3" || std["schema"] != export.Ninjs23SchemaURI || std["name"] != "ninjs" {
			t.Errorf("%s: standard %v, want ninjs 2.3 and its schema", name, std)
		}
		back := bytes.Replace(out23, []byte(`"version": "2.3",
    "schema": "`+export.Ninjs23SchemaURI), []byte(`"version": "2.2",
    "schema": "`+export.NinjsSchemaURI), 1)
		if !bytes.Equal(back, out22) {
			t.Errorf("%s: the 2.3 export differs from 2.2 beyond its standard object:\n%s", name, out23)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out23))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
