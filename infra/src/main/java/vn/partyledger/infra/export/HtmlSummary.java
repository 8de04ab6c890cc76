package vn.partyledger.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import vn.partyledger.domain.shared.MetadataKeys;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.eventstore.StoredEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The readable summary of an export: what it covers and the checkpoint that anchors it, then its timeline row by row
 * (business date, recording time, entry, decision document, who recorded it acting for which organisation, where it
 * stands in the log). Written as the events are read, like the JSON Lines file. Every text, stored or not, is
 * HTML-escaped: payloads and metadata hold whatever a client sent.
 */
public final class HtmlSummary implements ExportSink {

    private final Writer out;

    public HtmlSummary(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void start(ExportHeader header) throws IOException {
        HistoryScope scope = header.scope();
        String title = "History of " + scope.kind() + " " + scope.recordId()
                + (scope.from() == null ? "" : ", business dates " + scope.from() + " to " + scope.to());
        Checkpoint checkpoint = header.checkpoint();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(title)
                + "</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:2px 6px;vertical-align:top}code{font-size:90%}</style>"
                + "</head><body>\n<h1>" + text(title) + "</h1>\n<dl>"
                + names(header.names())
                + item("Exported at", header.exportedAt().toString())
                + item("Exported by", header.exportedBy().userId() + " (" + header.exportedBy().role()
                        + actingFor(header.exportedBy().actingForOrgId()) + ")")
                + item("Covered by checkpoint", checkpoint.treeSize() + " events of the log up to position "
                        + checkpoint.lastPosition() + ", recorded " + checkpoint.recordedAt())
                + "<dt>Root hash</dt><dd><code>" + text(checkpoint.rootHash()) + "</code></dd>"
                + item("Signature", checkpoint.signature() == null ? "none (no signing key is configured)"
                        : "Ed25519, " + checkpoint.signature())
                + "</dl>\n<p>This summary is for reading. The JSON Lines export of the same history carries every "
                + "stored field, hash and proof, and verifies offline by docs/log-proofs.md §8.</p>\n<table>\n"
                + "<tr><th>#</th><th>Business date</th><th>Recorded at</th><th>Entry</th><th>Decision</th>"
                + "<th>Recorded by</th><th>Acting for</th><th>Rule set</th><th>Position</th><th>Hash</th></tr>\n");
    }

    @Override
    public void event(ExportedEvent event) throws IOException {
        StoredEvent stored = event.stored();
        JsonNode actor = event.metaData().path(MetadataKeys.ACTOR);
        out.write("<tr><td>" + stored.sequenceNumber() + "</td><td>" + event.businessDate() + "</td><td>"
                + text(stored.timestamp()) + "</td><td>" + text(simpleName(stored.payloadType())) + "</td><td>"
                + decision(event.metaData().path(MetadataKeys.DECISION)) + "</td><td>"
                + text(actor.path("userId").asText("")) + (actor.has("role") ? " (" + text(actor.path("role")
                .asText()) + ")" : "") + "</td><td>" + text(actor.path("actingForOrgId").asText("")) + "</td><td>"
                + text(event.metaData().path(MetadataKeys.RULE_SET).asText("")) + "</td><td>" + stored.position()
                + "/" + stored.index() + "</td><td><code>" + text(stored.hash().substring(0, 16))
                + "…</code></td></tr>\n");
    }

    @Override
    public void end(long events, long notYetCovered) throws IOException {
        out.write("</table>\n<p>" + events + " entries" + (notYetCovered == 0 ? "."
                : "; " + notYetCovered + " more recorded after the checkpoint are not shown until the next one.")
                + "</p>\n</body></html>\n");
        out.flush();
    }

    /** The decision document as the metadata stores it: number, date, issuing organisation, and any other field. */
    private static String decision(JsonNode decision) {
        if (!decision.isObject()) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = decision.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            shown.append(shown.isEmpty() ? "" : "<br>").append(text(field.getKey())).append(": ")
                 .append(text(field.getValue().isValueNode() ? field.getValue().asText()
                                      : field.getValue().toString()));
        }
        return shown.toString();
    }

    /** The names asked for, each with the person id the payloads name; read from the register, not the log. */
    private static String names(Map<String, String> names) {
        StringBuilder shown = new StringBuilder();
        if (names != null) {
            names.forEach((personId, name) -> shown.append(item("Name (person " + personId + ")", name)));
        }
        return shown.toString();
    }

    private static String item(String term, String description) {
        return "<dt>" + text(term) + "</dt><dd>" + text(description) + "</dd>";
    }

    private static String actingFor(String orgId) {
        return orgId == null ? "" : ", acting for " + orgId;
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }

    /** Escapes the five characters that could open markup or leave an attribute. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
