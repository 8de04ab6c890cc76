package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The two forms of an import file (docs/onboarding/import-file.md): JSON Lines, one object a line, and CSV, a header
 * row naming each column by its field's path and one row a line. Both are read into the same rows of fields, which
 * become the same lines through the same checks; only the reading differs.
 */
public enum ImportFormat {

    JSON_LINES {
        @Override
        ImportFile.Rows rows(String content, ObjectMapper strict) {
            return JsonLines.read(content, strict);
        }
    },
    CSV {
        @Override
        ImportFile.Rows rows(String content, ObjectMapper strict) {
            return CsvRows.read(content, strict);
        }
    };

    /** The form a file's name says: {@code .csv} is CSV, anything else JSON Lines. */
    public static ImportFormat ofFileName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSON_LINES;
    }

    /** The file's rows as JSON objects, numbered by the line each starts on, and the mapper that reads them. */
    abstract ImportFile.Rows rows(String content, ObjectMapper strict);
}
