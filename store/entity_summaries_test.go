package store

import (
	"context"
	"maps"
	"testing"
)

// TestEntitySummaries reads some entities, leaving out ids that
// name none, across more ids than one query binds.
func TestEntitySummaries(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	want := map[int64]string{}
	for _, e := range []struct{ name, typ string }{
		{"Ada Lovelace", TypePerson}, {"Acme", TypeOrg}, {"Paris", TypePlace}, {"Brexit", "MISC"},
	} {
		id, err := s.AddEntity(ctx, e.name, e.typ, 0)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = e.typ
	}
	var ids []int64
	for id := range want {
		ids = append(ids, id)
	}
	for i := range int64(maxIDsPerQuery + 10) { // ids of no entity, over one query's worth
		ids = append(ids, 1_000_000+i)
	}
	tests := []struct {
		name string
		ids  []int64
		want map[int64]string
	}{
		{"none", nil, map[int64]string{}},
		{"missing only", []int64{999_999}, map[int64]string{}},
		{"all, in chunks", ids, want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, err := s.EntitySummaries(ctx, tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int64]string{}
			for id, e := range ents {
				if e.ID != id || e.Name == "" {
					t.Errorf("entity %d read as %+v", id, e)
				}
				got[id] = e.Type
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("EntitySummaries types = %v, want %v", got, tt.want)
			}
		})
	}
}
