package vn.partyledger.infra.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Onboarding over HTTP: the body is an import file (docs/onboarding/import-file.md), JSON Lines or, sent as
 * {@code text/csv}, CSV. The answer is the import's report: 200 when the file was imported (its refusals, if some line
 * was refused while writing), 422 when the checks refused lines and nothing was written. Each line is written as its
 * caller: the permission table applies line by line.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Onboarding", description = "Import a province's existing organisations and members from a file")
public class ImportEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ImportEndpoint.class);
    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final FileImport fileImport;

    public ImportEndpoint(FileImport fileImport) {
        this.fileImport = fileImport;
    }

    @PostMapping(consumes = {JSON_LINES, CSV, MediaType.TEXT_PLAIN_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import organisations and members from a JSON Lines or CSV file; checked whole before writing")
    public ResponseEntity<ImportReport> importFile(@RequestBody byte[] file, HttpServletRequest http) {
        MediaType type = MediaType.parseMediaType(http.getContentType());
        ImportFormat format = MediaType.parseMediaType(CSV).includes(type) ? ImportFormat.CSV : ImportFormat.JSON_LINES;
        ImportReport report = fileImport.run(format, new String(file, charsetOf(type)),
                progress -> LOG.info("Import: {}", progress));
        HttpStatus status = ImportReport.REFUSED.equals(report.outcome())
                ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }

    /**
     * The file's charset as its content type names it, else UTF-8: names are Vietnamese, and a file sent without a
     * charset would otherwise be read as ISO-8859-1, HTTP's old default, and every diacritic garbled.
     */
    private static Charset charsetOf(MediaType type) {
        return type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
    }
}
