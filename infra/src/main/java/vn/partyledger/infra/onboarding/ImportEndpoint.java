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
    public ResponseEntity<ImportReport> importFile(@RequestBody String file, HttpServletRequest http) {
        ImportFormat format = MediaType.parseMediaType(CSV).includes(MediaType.parseMediaType(http.getContentType()))
                ? ImportFormat.CSV : ImportFormat.JSON_LINES;
        ImportReport report = fileImport.run(format, file, progress -> LOG.info("Import: {}", progress));
        HttpStatus status = ImportReport.REFUSED.equals(report.outcome())
                ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }
}
