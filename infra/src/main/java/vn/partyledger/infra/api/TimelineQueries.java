package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.timeline.FindMemberChanges;
import vn.partyledger.domain.timeline.FindMemberState;
import vn.partyledger.domain.timeline.FindMemberTimeline;
import vn.partyledger.domain.timeline.MemberChanges;
import vn.partyledger.domain.timeline.MemberRecordQuery;
import vn.partyledger.domain.timeline.MemberState;
import vn.partyledger.domain.timeline.MemberTimeline;

import java.time.LocalDate;
import java.util.Optional;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Member timeline", description = "A member's record for auditors, read from the log (ADR 0030)")
public class TimelineQueries {

    private final QueryGateway queryGateway;

    public TimelineQueries(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{memberId}/timeline")
    @Operation(summary = "Every entry of the member's record in the order recorded, with business date, recording "
            + "time, actor, decision, rule set and correction links; sealed personal facts withheld")
    public MemberTimeline timeline(@PathVariable @RecordId @Parameter(example = "m-000") String memberId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   @Parameter(description = "earliest business date shown", example = "2025-08-01")
                                   LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   @Parameter(description = "latest business date shown", example = "2026-12-31")
                                   LocalDate to,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        inOrder(from, to);
        return ask(new FindMemberTimeline(memberId, from, to, page, size), MemberTimeline.class);
    }

    @GetMapping("/{memberId}/state")
    @Operation(summary = "The member's state at the end of a business date: status, home branch, overlays, "
            + "admission and full-membership dates, and the entries it rests on")
    public MemberState state(@PathVariable @RecordId @Parameter(example = "m-000") String memberId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             @Parameter(example = "2026-08-18") LocalDate asOf) {
        return ask(new FindMemberState(memberId, asOf), MemberState.class);
    }

    @GetMapping("/{memberId}/changes")
    @Operation(summary = "What changed in the member's state from the end of one business date to the end of "
            + "another, and the entries dated in between")
    public MemberChanges changes(@PathVariable @RecordId @Parameter(example = "m-000") String memberId,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 @Parameter(example = "2026-08-18") LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 @Parameter(example = "2026-08-31") LocalDate to) {
        inOrder(from, to);
        return ask(new FindMemberChanges(memberId, from, to), MemberChanges.class);
    }

    private static void inOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidQueryParameter.reversedDates("to", from, to);
        }
    }

    private <R> R ask(MemberRecordQuery query, Class<R> answer) {
        Optional<R> found = queryGateway.query(query, ResponseTypes.optionalInstanceOf(answer)).join();
        return found.orElseThrow(() -> new MemberNotFound(query.memberId()));
    }
}
