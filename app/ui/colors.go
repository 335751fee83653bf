package ui

import (
	"github.com/newsarchive/newsarchive/store"
)

// typeLabel is how an entity type is named to people.
func typeLabel(typ string) string {
	switch typ {
	case store.TypePerson:
		return "Person"
	case store.TypeOrg:
		return "Organisation"
	case store.TypePlace:
		return "Place"
	}
	return "Other"
}

// entityTypes are the types a person can give an entity, in menu order.
var entityTypes = []string{store.TypePerson, store.TypeOrg, store.TypePlace}

// typeByLabel is the inverse of typeLabel over entityTypes.
func typeByLabel(label string) string {
	for _, t := range entityTypes {
		if typeLabel(t) == label {
			return t
		}
	}
	return ""
}

// typeLabels returns the labels of entityTypes.
func typeLabels() []string {
	out := make([]string, len(entityTypes))
	for i, t := range entityTypes {
		out[i] = typeLabel(t)
	}
	return out
}
