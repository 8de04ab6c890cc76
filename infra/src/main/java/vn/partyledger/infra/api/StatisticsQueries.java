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
import vn.partyledger.domain.shared.Actor;
import vn.partyledger.domain.statistics.CountedMembership;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.statistics.MembershipLosses;
import vn.partyledger.domain.statistics.MembershipStatistics;
import vn.partyledger.infra.audit.AccessAudit;
import vn.partyledger.infra.audit.AccessPurpose;
import vn.partyledger.infra.audit.AccessedData;
import vn.partyledger.infra.security.CurrentActor;
import vn.partyledger.query.roster.BranchRosterProjection;
import vn.partyledger.query.statistics.MembershipStatisticsProjection;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Statistics", description = "Membership by status and age group on a date, and the losses of a year")
public class StatisticsQueries {

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;
    private final CurrentActor actor;
    private final AccessAudit audit;
    private final Clock clock;

    public StatisticsQueries(QueryGateway queryGateway, ProjectionProgress progress, CurrentActor actor,
                             AccessAudit audit, Clock clock) {
        this.queryGateway = queryGateway;
        this.progress = progress;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The age groups are counted from the members' dates of birth in the register: the query bus checks the caller
     * first, and each member's read is recorded in the access audit, in one durable write, before any count is given
     * out (ADR 0039). A branch whose counts are kept for the day reads no date of birth, and records none (ADR 0057).
     */
    @GetMapping("/{orgId}/statistics/membership")
    @Operation(summary = "The members on the rolls under the organisation on a business date (default: today in "
            + "Asia/Ho_Chi_Minh), for it and each organisation directly under it: by status (full, probationary, "
            + "fully and temporarily exempt, attached out and in, suspended, out of contact, in transit) and by age "
            + "group (partyledger.rules.statistics.age-groups-from). Each member's date of birth read is recorded in "
            + "the access audit before the counts are given out; a branch's counts kept from an earlier read, until "
            + "its roll or a member's age group changes, read none")
    public MembershipStatistics membership(@PathVariable @RecordId @Parameter(example = "ward-15") String orgId,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                           @Parameter(example = "2025-01-01") LocalDate asOf,
                                           @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(BranchRosterProjection.PROCESSING_GROUP, minPosition);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        CountedMembership counted = queryGateway.query(new FindMembershipStatistics(orgId, date),
                        ResponseTypes.optionalInstanceOf(CountedMembership.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
        Actor reader = actor.get();
        audit.recordAll(reader.userId(), reader.role(), reader.actingForOrgId(),
                counted.datesOfBirthRead().stream().sorted().toList(), AccessedData.DATE_OF_BIRTH_COUNTED,
                AccessPurpose.STATISTICS);
        return counted.statistics();
    }

    @GetMapping("/{orgId}/statistics/losses")
    @Operation(summary = "The members lost in a year under the organisation, for it and each organisation directly "
            + "under it: deaths, strike-offs by ground, voluntary exits, probationary members struck off, expulsions, "
            + "and official transfers out by destination (same province or another); a transfer between two of its "
            + "branches is no loss to it")
    public MembershipLosses losses(@PathVariable @RecordId @Parameter(example = "ward-15") String orgId,
                                   @RequestParam @Min(1930) @Max(2100) @Parameter(example = "2025") int year,
                                   @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(MembershipStatisticsProjection.PROCESSING_GROUP, minPosition);
        return queryGateway.query(new FindMembershipLosses(orgId, year),
                        ResponseTypes.optionalInstanceOf(MembershipLosses.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, LocalDate.of(year, 12, 31)));
    }
}
