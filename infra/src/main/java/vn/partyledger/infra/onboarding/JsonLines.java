package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** A JSON Lines file's rows: one JSON value a non-blank line, read as strictly as a request body. */
final class JsonLines {

    private JsonLines() {
    }

    static ImportFile.Rows read(String content, ObjectMapper strict) {
        List<ImportFile.Numbered<JsonNode>> rows = new ArrayList<>();
        List<LineRefusal> refusals = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        int counted = 0;
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            counted++;
            try {
                rows.add(new ImportFile.Numbered<>(index + 1, strict.readTree(lines[index])));
            } catch (JsonProcessingException e) {
                refusals.add(new LineRefusal(index + 1, null, "INVALID_INPUT", null,
                        "not a JSON object: " + e.getOriginalMessage()));
            }
        }
        return new ImportFile.Rows(counted, rows, refusals, strict);
    }
}
