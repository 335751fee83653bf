package ner

import "strings"

// Misc is the type of names that are neither people, organisations nor
// places: events, holidays and awards ("Champions League", "Christmas").
// The Resolver gives it so that such names leave the three lists; an
// archive keeps them as "other names".
const Misc = "MISC"

// eventHeads are English head nouns of event and competition names: a name
// of two words or more ending in one is an event ("World Cup", "Premier
// League", "General Election", "Cannes Film Festival", "Davis Cup": a
// strong head makes an event even after a first name).
var eventHeads = map[string]bool{
	"cup": true, "league": true, "championship": true, "championships": true, "olympics": true,
	"awards": true, "festival": true, "trophy": true, "tournament": true, "grand prix": true,
	"marathon": true, "grand slam": true, "open": true,
}

// weakEventHeads end event names too ("Commonwealth Games", "Nobel Prize",
// "Boxing Day") but also people's names ("Doris Day"): not after a first
// name.
var weakEventHeads = map[string]bool{
	"games": true, "award": true, "prize": true, "series": true, "summit": true, "expo": true,
	"day": true, "eve": true, "election": true, "elections": true,
}

// ceremonies are awards and competitions named by a plural or a number
// ("the Oscars", "the Six Nations"), which name no person, place or body.
var ceremonies = map[string]bool{
	"oscars": true, "grammys": true, "emmys": true, "baftas": true, "brits": true, "golden globes": true,
	"six nations": true, "tri nations": true, "tri-nations": true, "four nations": true, "five nations": true,
	"ashes": true,
}

// holidays are names of feasts and holidays, which are no entities.
var holidays = map[string]bool{
	"christmas": true, "easter": true, "new year": true, "thanksgiving": true, "ramadan": true,
	"eid": true, "diwali": true, "hanukkah": true, "passover": true, "boxing day": true,
	"new year's eve": true, "new year's day": true, "christmas day": true, "christmas eve": true,
	"halloween": true, "lent": true,
}

// isEvent reports whether a name is an event, competition or holiday by
// its words (a weak head after a listed first name is a person's name,
// "Doris Day").
func (r *Resolver) isEvent(name string) bool {
	key := listKey(name)
	if holidays[key] || ceremonies[key] {
		return true
	}
	words := strings.Fields(key)
	if len(words) < 2 {
		return false
	}
	last, last2 := words[len(words)-1], strings.Join(words[len(words)-2:], " ")
	if eventHeads[last] || eventHeads[last2] {
		return true
	}
	if r.lists[words[0]]&listFirstName != 0 {
		return false
	}
	if weakEventHeads[last] {
		return true
	}
	// "Athens Olympics", "Olympic Games": the Olympics by any name.
	return strings.HasPrefix(words[len(words)-1], "olympic")
}
