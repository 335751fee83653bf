package ner

import "strings"

// Misc is the type of names that are neither people, organisations nor
// places: events, holidays and awards ("Champions League", "Christmas").
// The Resolver gives it so that such names leave the three lists; an
// archive keeps them as "other names".
const Misc = "MISC"

// eventHeads are English head nouns of event and competition names: a name
// of two words or more ending in one is an event ("World Cup", "Premier
// League", "General Election", "Cannes Film Festival").
var eventHeads = map[string]bool{
	"cup": true, "league": true, "championship": true, "championships": true, "olympics": true,
	"games": true, "awards": true, "award": true, "festival": true, "prize": true, "trophy": true,
	"election": true, "elections": true, "tournament": true, "grand prix": true,
	"series": true, "marathon": true, "summit": true, "expo": true, "day": true, "eve": true,
}

// holidays are names of feasts and holidays, which are no entities.
var holidays = map[string]bool{
	"christmas": true, "easter": true, "new year": true, "thanksgiving": true, "ramadan": true,
	"eid": true, "diwali": true, "hanukkah": true, "passover": true, "boxing day": true,
	"new year's eve": true, "new year's day": true, "christmas day": true, "christmas eve": true,
	"halloween": true, "lent": true,
}

// isEvent reports whether a name is an event, competition or holiday by
// its words (not a person: a name opening with a listed first name is not
// an event, "Doris Day").
func (r *Resolver) isEvent(name string) bool {
	key := listKey(name)
	if holidays[key] {
		return true
	}
	words := strings.Fields(key)
	if len(words) < 2 || r.lists[words[0]]&listFirstName != 0 {
		return false
	}
	if eventHeads[words[len(words)-1]] || eventHeads[strings.Join(words[len(words)-2:], " ")] {
		return true
	}
	// "Athens Olympics", "Olympic Games": the Olympics by any name.
	return strings.HasPrefix(words[len(words)-1], "olympic")
}
