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
import vn.partyledger.domain.badge.BadgeEligibility;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.badge.PartyAgeStatistics;
import vn.partyledger.query.partyage.PartyAgeProjection;
import vn.partyledger.query.roster.BranchRosterProjection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Party age and badges", description = "Party-age groups, badge holders and badge candidates under an "
        + "organisation")
public class BadgeQueries {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final BadgePolicy policy;

    public BadgeQueries(QueryGateway queryGateway, Clock clock, ProjectionProgress progress, BadgePolicy policy) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.progress = progress;
        this.policy = policy;
    }

    @GetMapping("/{orgId}/party-age")
    @Operation(summary = "The members on the rolls of the branches under the organisation at the end of a business "
            + "date (default: today in Asia/Ho_Chi_Minh): full members by party-age group "
            + "(partyledger.read.party-age-groups), and badge holders — for each level, how many hold it and how many "
            + "hold it as their highest")
    public PartyAgeStatistics partyAge(@PathVariable @RecordId String orgId,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                       @Parameter(example = "2024-03-02") LocalDate asOf,
                                       @RequestParam(required = false) @Min(0) Long minPosition) {
        awaitIfAsked(minPosition);
        LocalDate date = dateOr(asOf);
        return queryGateway.query(new FindPartyAgeStatistics(orgId, date),
                        ResponseTypes.optionalInstanceOf(PartyAgeStatistics.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
    }

    @GetMapping("/{orgId}/badge-eligibility")
    @Operation(summary = "Who under the organisation may be put forward for a party badge on an occasion (default: "
            + "the next anniversary in partyledger.rules.badges.occasions after asOf): full members on the rolls at "
            + "the end of asOf (default: today) whose party age reaches their next level by the occasion, or within "
            + "the early allowance if seriously ill; members of its branches who died full members within the "
            + "posthumous allowance; and those a discipline defers — branch by branch, paged")
    public EligibilityPage badgeEligibility(@PathVariable @RecordId String orgId,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                            @Parameter(example = "2027-02-03") LocalDate occasion,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                            @Parameter(example = "2026-11-02") LocalDate asOf,
                                            @RequestParam(required = false) BadgeEligibility.Ground ground,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                            @RequestParam(required = false) @Min(0) Long minPosition) {
        awaitIfAsked(minPosition);
        LocalDate date = dateOr(asOf);
        LocalDate occasionDate = occasion != null ? occasion : nextOccasionAfter(date);
        BadgeEligibility eligibility = queryGateway.query(new FindBadgeEligibility(orgId, occasionDate, date),
                        ResponseTypes.optionalInstanceOf(BadgeEligibility.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
        List<BadgeEligibility.Candidate> selected = eligibility.candidates().stream()
                .filter(candidate -> ground == null || candidate.ground() == ground).toList();
        return new EligibilityPage(eligibility.orgId(), eligibility.occasionDate(), eligibility.asOf(),
                selected.size(), page, size, selected.stream().skip((long) page * size).limit(size).toList());
    }

    /** The party-age figures join the roster's lines to the members' facts: both must have reached the position. */
    private void awaitIfAsked(Long minPosition) {
        progress.awaitIfAsked(BranchRosterProjection.PROCESSING_GROUP, minPosition);
        progress.awaitIfAsked(PartyAgeProjection.PROCESSING_GROUP, minPosition);
    }

    private LocalDate dateOr(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    /** The first anniversary after the date, this year's or next year's. */
    private LocalDate nextOccasionAfter(LocalDate date) {
        return policy.occasions().stream()
                .flatMap(occasion -> List.of(occasion.atYear(date.getYear()), occasion.atYear(date.getYear() + 1))
                        .stream())
                .filter(candidate -> candidate.isAfter(date))
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no badge occasion configured"));
    }

    /** One page of the candidates; {@code totalCandidates} is how many the filter selected. */
    public record EligibilityPage(String orgId, LocalDate occasionDate, LocalDate asOf, int totalCandidates, int page,
                                  int size, List<BadgeEligibility.Candidate> candidates) {
    }
}
