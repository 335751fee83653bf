package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/newsarchive/newsarchive/store"
)

// The entity co-occurrence network: a node per entity mentioned in the
// scope (its type, and the articles and mentions counted in the scope), an
// undirected edge per pair mentioned in the same articles, weighted by
// their number, with the first and last publication dates among them.

// GEXFNamespace is the namespace of GEXF 1.3 documents.
const GEXFNamespace = "http://gexf.net/1.3"

// GraphMLNamespace is the namespace of GraphML documents.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

type xmlAtt struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	XMLName xml.Name `xml:"node"`
	ID      string   `xml:"id,attr"`
	Label   string   `xml:"label,attr"`
	Atts    []xmlAtt `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	XMLName xml.Name `xml:"edge"`
	ID      string   `xml:"id,attr"`
	Source  string   `xml:"source,attr"`
	Target  string   `xml:"target,attr"`
	Weight  int      `xml:"weight,attr"`
	Atts    []xmlAtt `xml:"attvalues>attvalue"`
}

const gexfHead = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="` + GEXFNamespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta lastmodifieddate="%s">
    <creator>News Archive</creator>
    <description>Entity co-occurrence network: entities mentioned in the same articles</description>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="type" title="type" type="string"/>
      <attribute id="articles" title="articles" type="integer"/>
      <attribute id="mentions" title="mentions" type="integer"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="first_date" title="first_date" type="string"/>
      <attribute id="last_date" title="last_date" type="string"/>
    </attributes>
    <nodes>
`

// writeGEXF writes the network as GEXF 1.3, streaming nodes then edges.
func (a *Exporter) writeGEXF(ctx context.Context, w io.Writer, sc store.ExportScope, p *progress) error {
	if _, err := fmt.Fprintf(w, gexfHead, time.Now().UTC().Format(time.DateOnly)); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("      ", "  ")
	edges := 0
	inEdges := false
	err := a.st.ExportGraph(ctx, sc, func(e store.Entity) error {
		p.article()
		return enc.Encode(gexfNode{ID: strconv.FormatInt(e.ID, 10), Label: e.Name, Atts: []xmlAtt{
			{"type", e.Type}, {"articles", strconv.Itoa(e.Articles)}, {"mentions", strconv.Itoa(e.Mentions)}}})
	}, func(c store.CooccurrenceEdge) error {
		if !inEdges {
			if err := closeAndOpen(enc, w, "\n    </nodes>\n    <edges>\n"); err != nil {
				return err
			}
			inEdges = true
		}
		p.article()
		edges++
		return enc.Encode(gexfEdge{ID: strconv.Itoa(edges - 1), Source: strconv.FormatInt(c.Source, 10),
			Target: strconv.FormatInt(c.Target, 10), Weight: c.Articles,
			Atts: []xmlAtt{{"first_date", c.FirstDate}, {"last_date", c.LastDate}}})
	})
	if err != nil {
		return err
	}
	tail := "\n    </edges>\n  </graph>\n</gexf>\n"
	if !inEdges {
		tail = "\n    </nodes>\n    <edges>" + tail
	}
	return closeAndOpen(enc, w, tail)
}

// closeAndOpen flushes the encoder and writes raw markup after it.
func closeAndOpen(enc *xml.Encoder, w io.Writer, markup string) error {
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, markup)
	return err
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlNode struct {
	XMLName xml.Name      `xml:"node"`
	ID      string        `xml:"id,attr"`
	Data    []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	XMLName xml.Name      `xml:"edge"`
	Source  string        `xml:"source,attr"`
	Target  string        `xml:"target,attr"`
	Data    []graphmlData `xml:"data"`
}

const graphmlHead = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="` + GraphMLNamespace + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="articles" for="node" attr.name="articles" attr.type="int"/>
  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="first_date" for="edge" attr.name="first_date" attr.type="string"/>
  <key id="last_date" for="edge" attr.name="last_date" attr.type="string"/>
  <graph id="entities" edgedefault="undirected">
`

// writeGraphML writes the network as GraphML, streaming nodes then edges.
func (a *Exporter) writeGraphML(ctx context.Context, w io.Writer, sc store.ExportScope, p *progress) error {
	if _, err := io.WriteString(w, graphmlHead); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("    ", "  ")
	node := func(id int64) string { return "n" + strconv.FormatInt(id, 10) }
	err := a.st.ExportGraph(ctx, sc, func(e store.Entity) error {
		p.article()
		return enc.Encode(graphmlNode{ID: node(e.ID), Data: []graphmlData{{"label", e.Name}, {"type", e.Type},
			{"articles", strconv.Itoa(e.Articles)}, {"mentions", strconv.Itoa(e.Mentions)}}})
	}, func(c store.CooccurrenceEdge) error {
		p.article()
		return enc.Encode(graphmlEdge{Source: node(c.Source), Target: node(c.Target), Data: []graphmlData{
			{"weight", strconv.Itoa(c.Articles)}, {"first_date", c.FirstDate}, {"last_date", c.LastDate}}})
	})
	if err != nil {
		return err
	}
	return closeAndOpen(enc, w, "\n  </graph>\n</graphml>\n")
}
