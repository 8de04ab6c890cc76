package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.infra.audit.AccessAudit;
import vn.partyledger.infra.audit.AccessRecord;
import vn.partyledger.infra.audit.ReadAccessAudit;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The access audit over HTTP: for the security officer, whom the permission table alone lets in (ADR 0021). */
@RestController
@RequestMapping("/api/v1/access-audit")
@Tag(name = "Access audit", description = "Who read whose personal data, when and why")
public class AccessAuditQueries {

    /** At most this many reads per answer; narrow the days or name the person for more. */
    static final int LIMIT = 1_000;

    private final AccessAudit audit;
    private final PermissionCheck permission;
    private final Clock clock;

    public AccessAuditQueries(AccessAudit audit, PermissionCheck permission, Clock clock) {
        this.audit = audit;
        this.permission = permission;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Reads of personal data recorded on business days from–to (default today), oldest first, "
            + "at most 1,000; optionally of one person")
    public List<AccessRecord> reads(@RequestParam(required = false) @RecordId String personId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        ReadAccessAudit query = new ReadAccessAudit(personId, from != null ? from : today, to != null ? to : today);
        permission.check(query, personId, query.to());
        return audit.reads(query, LIMIT);
    }
}
