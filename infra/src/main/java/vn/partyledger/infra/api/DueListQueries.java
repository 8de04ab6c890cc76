package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.partyledger.domain.due.DueList;
import vn.partyledger.domain.due.DueListChanged;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.query.due.DueListProjection;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Due lists", description = "What falls due for the members of an organisation's branches")
public class DueListQueries {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final LiveReads liveReads;

    public DueListQueries(QueryGateway queryGateway, Clock clock, ProjectionProgress progress, LiveReads liveReads) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.progress = progress;
        this.liveReads = liveReads;
    }

    @GetMapping("/{orgId}/due")
    @Operation(summary = "What is open for the members of the organisation's branches at the end of a business date "
            + "(default: today in Asia/Ho_Chi_Minh) and falls due within the days given (default 30): admission "
            + "decisions, ceremonies, probations ending, recognition reviews, transfer letters, temporary "
            + "exemptions and attachments ending, awareness certificates and candidates' files going stale, and for "
            + "an organisation above branches, its branches below three full members; earliest first, each with the "
            + "rule its date comes from, overdue ones flagged")
    public DueList due(@PathVariable @RecordId @Parameter(example = "ward-15") String orgId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                       @Parameter(description = "the business date the list is read at the end of",
                               example = "2026-02-20") LocalDate asOf,
                       @RequestParam(defaultValue = "30") @Min(0) @Max(366)
                       @Parameter(description = "days after asOf the items listed fall due by", example = "30")
                       int within,
                       @RequestParam(required = false) @Min(0)
                       @Parameter(description = "a command answer's position: the list shows that command, or 503 "
                               + "with Retry-After", example = "4711") Long minPosition) {
        // the list is read from the due items, the branch rosters (branches below the minimum) and the tree
        progress.awaitIfAsked(DueListProjection.PROCESSING_GROUP, minPosition);
        progress.awaitIfAsked(BranchRosterProjection.PROCESSING_GROUP, minPosition);
        progress.awaitIfAsked(OrganisationTreeProjection.PROCESSING_GROUP, minPosition);
        LocalDate date = dateOr(asOf);
        return queryGateway.query(new FindDueList(orgId, date, within), ResponseTypes.optionalInstanceOf(DueList.class))
                .join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
    }

    @GetMapping(path = "/{orgId}/due/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The due list as of a business date (default: today in Asia/Ho_Chi_Minh) within the days "
            + "given (default 30), followed live as Server-Sent Events: a 'due' event with the whole list at once and "
            + "whenever it changes, until the client goes away or partyledger.read.live-timeout passes")
    public SseEmitter liveDue(@PathVariable @RecordId @Parameter(example = "ward-15") String orgId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              @Parameter(example = "2026-02-20") LocalDate asOf,
                              @RequestParam(defaultValue = "30") @Min(0) @Max(366) @Parameter(example = "30")
                              int within) {
        LocalDate date = dateOr(asOf);
        return liveReads.follow(new LiveRead.Followed<>(new FindDueList(orgId, date, within), DueList.class,
                DueListChanged.class, "due", DueListProjection.PROCESSING_GROUP), () -> new OrganisationNotInTree(orgId,
                date));
    }

    private LocalDate dateOr(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
