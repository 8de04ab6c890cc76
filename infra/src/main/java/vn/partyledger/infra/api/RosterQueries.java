package vn.partyledger.infra.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
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
import vn.partyledger.domain.badge.NextBadge;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindOrganisationRoster;
import vn.partyledger.domain.roster.OrganisationRoster;
import vn.partyledger.domain.roster.RosterChanged;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.infra.audit.AccessPurpose;
import vn.partyledger.infra.audit.AccessedData;
import vn.partyledger.query.partyage.PartyAgeProjection;
import vn.partyledger.query.partyage.PartyAgeQueries;
import vn.partyledger.query.partyage.RosterPartyAge;
import vn.partyledger.query.roster.BranchRosterProjection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Rosters", description = "Who is on the rolls of a branch, a ward or a province, now or on any past date")
public class RosterQueries {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final LiveReads liveReads;
    private final RosterNames rosterNames;
    private final PartyAgeQueries partyAges;

    public RosterQueries(QueryGateway queryGateway, Clock clock, ProjectionProgress progress, LiveReads liveReads,
                         RosterNames rosterNames, PartyAgeQueries partyAges) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.progress = progress;
        this.liveReads = liveReads;
        this.rosterNames = rosterNames;
        this.partyAges = partyAges;
    }

    @GetMapping("/{orgId}/roster")
    @Operation(summary = "The roster of a branch, or of every branch under a ward or province rolled up, as of a "
            + "business date (default: today in Asia/Ho_Chi_Minh): each line with its branch, status, overlays, card "
            + "and post; with names=true and a purpose, the members' names to a caller entitled to them, each read "
            + "recorded in the access audit; with minPosition (a command answer's position) it answers once the "
            + "roster shows that command, or 503 with Retry-After. A full member's line shows the party age in full "
            + "years on that date and the next badge due (level and the day the party age reaches it)")
    public RosterPage roster(@PathVariable @RecordId String orgId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate asOf,
                             @RequestParam(required = false) MemberStatus status,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                             @RequestParam(required = false) @Min(0) Long minPosition,
                             @RequestParam(defaultValue = "false") boolean names,
                             @RequestParam(required = false) AccessPurpose purpose) {
        if (names && purpose == null) {
            throw InvalidQueryParameter.purposeNotStated();
        }
        LocalDate date = dateOr(asOf);
        if (names) {
            rosterNames.checkEntitled(orgId, date);
        }
        progress.awaitIfAsked(BranchRosterProjection.PROCESSING_GROUP, minPosition);
        progress.awaitIfAsked(PartyAgeProjection.PROCESSING_GROUP, minPosition);
        OrganisationRoster roster = rosterOf(orgId, date);
        List<RosterLine> selected = roster.branches().stream()
                .flatMap(branch -> branch.members().stream()
                        .filter(entry -> status == null || entry.status() == status)
                        .map(entry -> new RosterLine(branch.orgId(), null, entry, null, null)))
                .toList();
        List<RosterLine> pageOfMembers = selected.stream().skip((long) page * size).limit(size).toList();
        // the page's party ages are joined by member id to its lines (ADR 0040)
        Map<String, RosterPartyAge> ages = partyAges.onLines(
                pageOfMembers.stream().map(RosterLine::entry).toList(), roster.asOf());
        pageOfMembers = pageOfMembers.stream().map(line -> line.aged(ages.get(line.entry().memberId()))).toList();
        if (names) {
            Map<String, String> named = rosterNames.of(
                    pageOfMembers.stream().map(line -> line.entry().personId()).distinct().toList(), date,
                    AccessedData.NAME_ON_ROSTER, purpose);
            pageOfMembers = pageOfMembers.stream().map(line -> line.named(named.get(line.entry().personId())))
                    .toList();
        }
        return new RosterPage(roster.orgId(), roster.name(), roster.parentOrgId(), roster.asOf(),
                roster.headcount(), roster.exemptCount(), roster.presentCount(), selected.size(), page, size,
                pageOfMembers);
    }

    /** A branch's own roster, or the branches' under any other organisation of the tree that day. */
    private OrganisationRoster rosterOf(String orgId, LocalDate date) {
        return queryGateway.query(new FindBranchRoster(orgId, date),
                        ResponseTypes.optionalInstanceOf(BranchRoster.class)).join()
                .map(branch -> new OrganisationRoster(branch.orgId(), branch.name(), branch.parentOrgId(),
                        branch.asOf(), List.of(branch)))
                .or(() -> queryGateway.query(new FindOrganisationRoster(orgId, date),
                        ResponseTypes.optionalInstanceOf(OrganisationRoster.class)).join())
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
    }

    @GetMapping(path = "/{orgId}/roster/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The branch roster as of a business date (default: today in Asia/Ho_Chi_Minh), followed live "
            + "as Server-Sent Events: a 'roster' event with the whole roster at once and after every change, until "
            + "the client goes away or partyledger.read.live-timeout passes")
    public SseEmitter liveRoster(@PathVariable @RecordId String orgId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate asOf) {
        return liveReads.follow(new LiveRead.Followed<>(new FindBranchRoster(orgId, dateOr(asOf)), BranchRoster.class,
                RosterChanged.class, "roster", BranchRosterProjection.PROCESSING_GROUP), () -> new RosterNotFound(orgId));
    }

    @GetMapping("/{orgId}/roster/totals")
    @Operation(summary = "The rolls of every branch under the organisation (a ward, a province) as of a business date "
            + "(default: today in Asia/Ho_Chi_Minh), counted and rolled up: headcount, full and probationary members, "
            + "exempt, attached out and in, suspended, out of contact — in total and branch by branch")
    public RosterTotals rosterTotals(@PathVariable @RecordId String orgId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate asOf,
                                     @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(BranchRosterProjection.PROCESSING_GROUP, minPosition);
        LocalDate date = dateOr(asOf);
        return queryGateway.query(new FindRosterTotals(orgId, date), ResponseTypes.optionalInstanceOf(RosterTotals.class))
                .join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
    }

    private LocalDate dateOr(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    /**
     * One page of a roster; {@code headcount} is the official count (đảng số) of the branch or branches, {@code
     * exemptCount} how many of those are exempt and {@code presentCount} how many take part in their branch's life that
     * day (guests attached in included, members attached out or in transit not), whatever the filter.
     */
    public record RosterPage(String orgId, String name, String parentOrgId, LocalDate asOf, int headcount,
                             int exemptCount, int presentCount, int totalMembers, int page, int size,
                             List<RosterLine> members) {
    }

    /**
     * A member's line: the branch whose roster lists it, the member's name when asked for and entitled (null
     * otherwise, or when the register holds none), the line as the branch roster shows it, and for a full member the
     * party age in full years on the roster's date and the next badge due (both null for a probationer).
     */
    public record RosterLine(String branchId, String name, @JsonUnwrapped BranchRoster.Entry entry,
                             Integer partyAgeYears, NextBadge nextBadge) {

        RosterLine named(String fullName) {
            return new RosterLine(branchId, fullName, entry, partyAgeYears, nextBadge);
        }

        RosterLine aged(RosterPartyAge age) {
            return age == null ? this : new RosterLine(branchId, name, entry, age.partyAgeYears(), age.nextBadge());
        }
    }
}
