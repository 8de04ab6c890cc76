package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.infra.audit.AccessPurpose;
import vn.partyledger.infra.audit.AccessedData;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.export.ExportMemberHistory;
import vn.partyledger.infra.export.ExportOrganisationHistory;
import vn.partyledger.infra.export.ExportSink;
import vn.partyledger.infra.export.HistoryExport;
import vn.partyledger.infra.export.HistoryScope;
import vn.partyledger.infra.export.HtmlSummary;
import vn.partyledger.infra.export.ReadNameInExport;
import vn.partyledger.infra.export.JsonLinesExport;
import vn.partyledger.infra.security.CurrentActor;
import vn.partyledger.infra.security.PermissionCheck;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The history of a member, or of an organisation over business dates, for auditors (ADR 0047): one JSON Lines file
 * that verifies offline (docs/log-proofs.md §8), or its readable HTML summary. The permission and the record are
 * checked, and the checkpoint chosen, before anything is sent; then the file is written as the log is read.
 */
@RestController
@Tag(name = "Log proofs", description = "Checkpoints of the log's Merkle tree, inclusion and consistency proofs")
public class HistoryExports {

    private static final String EXAMPLE_LINES = """
            {"type":"export","format":"partyledger/export/v1","scope":{"kind":"member","recordId":"m-000","from":null,"to":null},"exportedAt":"2026-11-30T05:00:00Z","exportedBy":{"userId":"auditor","role":"AUDITOR","actingForOrgId":null},"checkpoint":{"treeSize":7,"rootHash":"4933cb1fdb69786301e7485b553089d463d1f408fbff8356168cb26642b144cb","lastPosition":12,"recordedAt":"2025-03-01T08:20:00Z","signature":null},"publicKey":null,"names":null}
            {"type":"event","position":3,"index":0,"eventIdentifier":"5d1c8f6e-2b1a-4c3d-9e8f-0a1b2c3d4e5f","aggregateType":"Member","aggregateIdentifier":"m-000","sequenceNumber":0,"timestamp":"2025-03-01T08:15:30.123Z","payloadType":"vn.partyledger.domain.member.MemberImported","payloadRevision":null,"payload":{"memberId":"m-000"},"metaData":{"businessDate":"2025-03-01"},"previousHash":null,"hash":"…","businessDate":"2025-03-01","leafIndex":4,"auditPath":["…","…","…"]}
            {"type":"end","events":1,"notYetCovered":0}
            """;

    private static final String SUMMARY = "/summary";
    private static final String NAMES = "with a purpose: the member's name as the person register holds it today, "
            + "in the header, to a caller entitled to the names on the member's home branch roster; the read is "
            + "recorded in the access audit";

    private final HistoryExport export;
    private final PermissionCheck permission;
    private final CurrentActor actor;
    private final Today today;
    private final RosterNames rosterNames;

    public HistoryExports(HistoryExport export, PermissionCheck permission, CurrentActor actor, Today today,
                          RosterNames rosterNames) {
        this.export = export;
        this.permission = permission;
        this.actor = actor;
        this.today = today;
        this.rosterNames = rosterNames;
    }

    @GetMapping({"/api/v1/members/{memberId}/history", "/api/v1/members/{memberId}/history" + SUMMARY})
    @Operation(summary = "The member's whole history: at /history as JSON Lines, every stored event with its place in "
            + "the log, its hashes, the covering checkpoint and its inclusion proof, which verifies offline by "
            + "docs/log-proofs.md §8 (node docs/log-proof-check.js --export FILE); at /history/summary as a readable "
            + "HTML page: timeline, decision documents, who recorded each entry acting for which organisation, and "
            + "the checkpoint that covers it",
            responses = @ApiResponse(responseCode = "200", description = "The export, one JSON document per line; or "
                    + "the summary", content = {@Content(mediaType = "application/x-ndjson",
                    examples = @ExampleObject(value = EXAMPLE_LINES)), @Content(mediaType = "text/html")}))
    public void member(
            @PathVariable @RecordId @Parameter(example = "m-000") String memberId,
            @RequestParam(defaultValue = "false") @Parameter(description = NAMES) boolean names,
            @RequestParam(required = false) AccessPurpose purpose, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (names && purpose == null) {
            throw InvalidQueryParameter.purposeNotStated();
        }
        permission.check(new ExportMemberHistory(memberId), null, today.date());
        if (names) {
            permission.check(new ReadNameInExport(memberId), null, today.date());
        }
        HistoryScope scope = HistoryScope.member(memberId);
        Checkpoint checkpoint = export.prepare(scope);
        Map<String, String> named = names ? rosterNames.of(export.personOf(scope).stream().toList(), today.date(),
                                                           AccessedData.NAME_IN_EXPORT, purpose) : null;
        exported(scope, checkpoint, named, Rendering.of(request), response);
    }

    @GetMapping({"/api/v1/organisations/{orgId}/history", "/api/v1/organisations/{orgId}/history" + SUMMARY})
    @Operation(summary = "The organisation's own history on business dates `from` to `to`: at /history as JSON "
            + "Lines, every stored event of its record with its place in the log, its hashes, the covering "
            + "checkpoint and its inclusion proof, which verifies offline by docs/log-proofs.md §8; at "
            + "/history/summary as a readable HTML page",
            responses = @ApiResponse(responseCode = "200", description = "The export, one JSON document per line; or "
                    + "the summary", content = {@Content(mediaType = "application/x-ndjson",
                    examples = @ExampleObject(value = EXAMPLE_LINES)), @Content(mediaType = "text/html")}))
    public void organisation(
            @PathVariable @RecordId @Parameter(example = "kp-01") String orgId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(example = "2025-01-01")
            LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(example = "2026-12-31")
            LocalDate to, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (to.isBefore(from)) {
            throw InvalidQueryParameter.reversedDates("to", from, to);
        }
        permission.check(new ExportOrganisationHistory(orgId, from, to), null, today.date());
        HistoryScope scope = HistoryScope.organisation(orgId, from, to);
        exported(scope, export.prepare(scope), null, Rendering.of(request), response);
    }

    /** The file an export is written as: the one that verifies, or the summary to read. */
    private enum Rendering {
        JSON_LINES(JsonLinesExport::new, MediaType.APPLICATION_NDJSON, "jsonl"),
        SUMMARY(HtmlSummary::new, MediaType.TEXT_HTML, "html");

        private final Function<OutputStream, ExportSink> sink;
        private final MediaType type;
        private final String extension;

        Rendering(Function<OutputStream, ExportSink> sink, MediaType type, String extension) {
            this.sink = sink;
            this.type = type;
            this.extension = extension;
        }

        static Rendering of(HttpServletRequest request) {
            return request.getRequestURI().endsWith(HistoryExports.SUMMARY) ? SUMMARY : JSON_LINES;
        }
    }

    /**
     * Written once the permission, the record and the checkpoint are settled (and any name read and recorded), so a
     * refusal or a 404 is a problem, not a broken file; then on the request's thread straight to the response as the
     * log is read: no timeout of an asynchronous answer cuts a long export short, and memory holds one batch.
     */
    private void exported(HistoryScope scope, Checkpoint checkpoint, Map<String, String> names, Rendering rendering,
                          HttpServletResponse response) throws IOException {
        Actor caller = actor.get();
        response.setContentType(new MediaType(rendering.type, StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename(scope.kind() + "-" + scope.recordId() + "-history." + rendering.extension).build()
                .toString());
        export.write(scope, checkpoint, caller, names, rendering.sink.apply(response.getOutputStream()));
    }
}
