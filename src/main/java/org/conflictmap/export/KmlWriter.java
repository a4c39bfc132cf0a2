package org.conflictmap.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.incidents.Source;
import org.conflictmap.ogcapi.Html;
import org.conflictmap.web.Texts;
import org.locationtech.jts.io.kml.KMLWriter;

/**
 * KML 2.2, written as the incidents stream from the store (the JDK's StAX writer for the document,
 * JTS's {@link KMLWriter} for geometries). Each placemark: the title as its name, a description with
 * the summary and <b>the claims table</b> (one row per claim: claimant, party, figures, statement,
 * sources; no single casualty figure), the time span, a style for contested and uncontested
 * incidents, and every flat attribute as typed {@code ExtendedData} that GDAL and QGIS read as fields. The schema and
 * the folder, which GDAL reads as the layer, are named after the collection ({@link FileLayers}: {@code incidents},
 * {@code incidents_points}, …).
 */
final class KmlWriter {
    static final String NS = "http://www.opengis.net/kml/2.2";

    private final XMLStreamWriter xml;
    private final Writer text;
    private final KMLWriter geometry = new KMLWriter();
    /** The schema's and folder's name: GDAL's layer ({@link FileLayers}). */
    private final FileLayers names;

    private KmlWriter(OutputStream out, FileLayers names) throws XMLStreamException {
        this.names = names;
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        geometry.setPrecision(6);
    }

    /** The {@link ExportFormat#KML} download, straight to the client. */
    static void write(ExportRows rows, OutputStream out) throws IOException {
        write(rows.incidents(), rows.layers(), out);
    }

    static void write(FileWriters.Source<Incident> incidents, FileLayers names, OutputStream out) throws IOException {
        try {
            KmlWriter w = new KmlWriter(out, names);
            w.start();
            incidents.forEach(w::placemark);
            w.end();
        } catch (XMLStreamException e) {
            throw new IOException("KML", e);
        }
    }

    private void start() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("kml");
        xml.writeDefaultNamespace(NS);
        xml.writeStartElement("Document");
        element("name", names.title());
        element(
                "description",
                "Conflict Map Server export. Each incident lists every party's claims apart, with its sources: "
                        + "no single casualty figure exists for a contested incident. Locations reported for an area are drawn as the area.");
        style("contested", "ff1c1cd7");
        style("uncontested", "ff0a74f0");
        xml.writeStartElement("Schema");
        xml.writeAttribute("name", names.layer());
        xml.writeAttribute("id", names.layer());
        for (Queryables.Attribute a : Queryables.ALL) {
            xml.writeStartElement("SimpleField");
            xml.writeAttribute("name", a.name());
            xml.writeAttribute(
                    "type", a.type() == Integer.class ? "int" : a.type() == Boolean.class ? "bool" : "string");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeStartElement("Folder");
        element("name", names.layer());
    }

    private void style(String id, String color) throws XMLStreamException {
        xml.writeStartElement("Style");
        xml.writeAttribute("id", id);
        xml.writeStartElement("IconStyle");
        element("color", color);
        xml.writeEndElement();
        xml.writeStartElement("LineStyle");
        element("color", color);
        element("width", "2");
        xml.writeEndElement();
        xml.writeStartElement("PolyStyle");
        element("color", "40" + color.substring(2));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void placemark(Incident i) throws IOException {
        try {
            xml.writeStartElement("Placemark");
            xml.writeAttribute("id", i.id());
            element("name", i.title());
            xml.writeStartElement("description");
            xml.writeCData(Texts.xmlSafe(description(i)).replace("]]>", "]]&gt;"));
            xml.writeEndElement();
            xml.writeStartElement("TimeSpan");
            element("begin", i.occurred().start().toString());
            element("end", i.occurred().end().toString());
            xml.writeEndElement();
            element("styleUrl", i.contested() ? "#contested" : "#uncontested");
            xml.writeStartElement("ExtendedData");
            xml.writeStartElement("SchemaData");
            xml.writeAttribute("schemaUrl", "#" + names.layer());
            for (Queryables.Attribute a : Queryables.ALL) {
                Object v = FlatRows.value(a, i);
                if (v != null) {
                    xml.writeStartElement("SimpleData");
                    xml.writeAttribute("name", a.name());
                    // xsd:boolean as 1/0: GDAL's KML reader takes "true" for the integer 0
                    xml.writeCharacters(v instanceof Boolean b ? (b ? "1" : "0") : Texts.xmlSafe(v.toString()));
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            // the geometry as JTS writes it, straight after a closed element so the stream is between tags
            xml.flush();
            text.write(geometry.write(i.geometry()));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("KML", e);
        }
    }

    private void end() throws XMLStreamException, IOException {
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        text.flush();
    }

    private void element(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(Texts.xmlSafe(value));
        xml.writeEndElement();
    }

    /** The placemark's balloon: summary, when and where, and the claims table. */
    static String description(Incident i) {
        Map<String, Source> sources = i.sources().stream().collect(Collectors.toMap(Source::id, s -> s, (a, b) -> a));
        StringBuilder h = new StringBuilder();
        if (i.summary() != null && !i.summary().isBlank()) {
            h.append("<p>").append(Html.esc(i.summary())).append("</p>");
        }
        h.append("<p><b>When:</b> ").append(Html.esc(i.occurred().start().toString()));
        if (!i.occurred().end().equals(i.occurred().start())) {
            h.append(" – ").append(Html.esc(i.occurred().end().toString()));
        }
        h.append(" (")
                .append(Html.esc(i.occurred().precision()))
                .append(")<br><b>Where:</b> ")
                .append(Html.esc(i.placeNames()))
                .append(" (location precision: ")
                .append(Html.esc(i.geoPrecision()))
                .append(")</p>");
        h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\"><caption>")
                .append(i.contested() ? "Contested: the parties' claims disagree" : "Claims")
                .append(
                        " — each row is one claim, as its claimant stated it</caption><tr><th>Claimant</th><th>Party</th><th>Side</th>"
                                + "<th>Killed</th><th>Wounded</th><th>Captured</th><th>Statement</th><th>Stated</th><th>Sources</th></tr>");
        for (Claim c : i.claims()) {
            h.append("<tr><td>")
                    .append(Html.esc(c.claimant()))
                    .append("</td><td>")
                    .append(Html.esc(c.party()))
                    .append("</td><td>")
                    .append(Html.esc(c.side()))
                    .append("</td><td>")
                    .append(number(c.killed()))
                    .append("</td><td>")
                    .append(number(c.wounded()))
                    .append("</td><td>")
                    .append(number(c.captured()))
                    .append("</td><td>")
                    .append(Html.esc(c.statement()))
                    .append("</td><td>")
                    .append(c.statedAt() == null ? "" : c.statedAt())
                    .append("</td><td>")
                    .append(Html.esc(c.sources().stream()
                            .map(sources::get)
                            .filter(Objects::nonNull)
                            .map(s -> s.outlet() + (s.published() == null ? "" : ", " + s.published()))
                            .collect(Collectors.joining("; "))))
                    .append("</td></tr>");
        }
        return h.append("</table>").toString();
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }
}
