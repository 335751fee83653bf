package ui

import (
	"fmt"
	"strings"
)

// A search run in the search view is a place of the window's history
// (nav.go): back and forward bring earlier queries, with their filters,
// back into the view.

// state is what the view searches for, query and filters.
func (v *SearchView) state() string {
	return strings.Join([]string{v.query.Text, v.from.Text, v.to.Text, v.source.Text, v.entity.Text,
		v.typ.Selected, fmt.Sprint(v.byDate.Checked)}, "\x00")
}

// reshower returns what sets the query and filters as they are now and
// searches again.
func (v *SearchView) reshower() func() {
	query, from, to, source, entity := v.query.Text, v.from.Text, v.to.Text, v.source.Text, v.entity.Text
	typ, byDate := v.typ.Selected, v.byDate.Checked
	want := v.state()
	return func() {
		if v.state() == want {
			return // shown as it was
		}
		v.query.SetText(query)
		v.from.SetText(from)
		v.to.SetText(to)
		v.source.SetText(source)
		v.entity.SetText(entity)
		v.typ.SetSelected(typ)
		v.byDate.SetChecked(byDate)
		v.run()
	}
}
