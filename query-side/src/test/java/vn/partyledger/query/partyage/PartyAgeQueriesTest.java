package vn.partyledger.query.partyage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.badge.BadgeEligibility;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.badge.NextBadge;
import vn.partyledger.domain.badge.PartyAgeStatistics;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Party ages and badges read from the projection's facts joined to rosters: members of a ward of two branches admitted
 * on seed-003-like dates (Ward 5, District 8: members holding 30- to 75-year badges), their gaps, badges, discipline
 * and death.
 */
class PartyAgeQueriesTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 2);
    private static final LocalDate SINCE = LocalDate.of(2010, 1, 4);
    private static final LocalDate FEB_3 = LocalDate.of(2027, 2, 3);
    private static final OrganisationTree WARD = new OrganisationTree("ward-5", "Đảng bộ Phường 5",
            OrganisationKind.GRASSROOTS_COMMITTEE, null, SINCE, null, List.of(), List.of(),
            List.of(branch("kp1"), branch("kp2")));

    private MongoServer server;
    private MongoClient client;
    private PartyAgeProjection projection;
    private final Map<String, List<BranchRoster.Entry>> rolls = new HashMap<>();

    private static OrganisationTree branch(String orgId) {
        return new OrganisationTree(orgId, orgId, OrganisationKind.SUBORDINATE_BRANCH, "ward-5", SINCE, null,
                List.of(), List.of(), List.of());
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new PartyAgeProjection(client.getDatabase("test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    /** A full member on the branch's roll since 2010, imported with the first admission decision and badges given. */
    private void onRoll(String branchId, String memberId, LocalDate firstDecision, ImportedBadge... badges) {
        projection.on(new MemberImported(memberId, "p-" + memberId, branchId, MemberStatus.FULL, firstDecision,
                firstDecision, firstDecision.plusDays(15), firstDecision.plusDays(15).plusYears(1),
                firstDecision.plusDays(15).plusYears(1), SINCE, List.of(), null, Arrays.asList(badges),
                "HS-" + memberId, SINCE), 0, "import-" + memberId);
        listed(branchId, memberId, MemberStatus.FULL);
    }

    private void listed(String branchId, String memberId, MemberStatus status) {
        rolls.computeIfAbsent(branchId, none -> new ArrayList<>()).add(new BranchRoster.Entry(memberId,
                "p-" + memberId, status, SINCE, null, null, null, false, null, null, null, null, null));
    }

    /** The member died on the branch's roll, and is on it no more. */
    private void died(String branchId, String memberId, LocalDate on) {
        projection.on(new MemberDeceased(memberId, branchId, on), 1);
        rolls.get(branchId).removeIf(entry -> entry.memberId().equals(memberId));
    }

    private static ImportedBadge badge(int level, String awardedOn) {
        return new ImportedBadge(level, "HH" + level, LocalDate.parse(awardedOn));
    }

    private BranchRoster roster(String branchId, LocalDate asOf) {
        List<BranchRoster.Entry> members = rolls.getOrDefault(branchId, List.of());
        return new BranchRoster(branchId, branchId, "ward-5", asOf, members.size(), 0, members);
    }

    private PartyAgeQueries statistics(List<Integer> groupBounds) {
        return new PartyAgeQueries(projection, query -> Optional.of(WARD),
                query -> Optional.of(roster(query.orgId(), query.asOf())), BadgePolicy.DEFAULTS, groupBounds);
    }

    private Map<String, RosterPartyAge> ages(LocalDate asOf) {
        return statistics(List.of(10)).onLines(rolls.get("kp1"), asOf);
    }

    private BadgeEligibility eligibility(LocalDate occasion) {
        return new BadgeEligibilityQueries(projection, query -> Optional.of(WARD),
                query -> Optional.of(roster(query.orgId(), query.asOf())), BadgePolicy.DEFAULTS,
                DisciplinePolicy.DEFAULTS).handle(new FindBadgeEligibility("ward-5", occasion, ON)).orElseThrow();
    }

    @Test
    void aRosterLineShowsFullYearsAndTheNextBadgeCountedWithoutTheDaysOfLostContact() {
        onRoll("kp1", "m1", LocalDate.of(1995, 2, 3));
        MemberLostContact lost = new MemberLostContact("m1", "kp1", LocalDate.of(2001, 3, 1), "kp1");
        projection.on(lost, 1);
        projection.on(new MemberContactRestored("m1", "kp1", LocalDate.of(2001, 3, 1), LocalDate.of(2001, 6, 9),
                "kp1"), 2);
        // delivered again: the gap is not counted twice
        projection.on(lost, 1);
        listed("kp1", "probationer", MemberStatus.PROBATIONARY);

        Map<String, RosterPartyAge> lines = ages(LocalDate.of(2025, 5, 13));

        // 100 days out of contact: the 30th year comes on 14 May 2025, not on 3 Feb
        assertThat(lines).containsOnlyKeys("m1");
        assertThat(lines.get("m1")).isEqualTo(new RosterPartyAge(29, new NextBadge(30, LocalDate.of(2025, 5, 14))));
        assertThat(ages(ON).get("m1"))
                .isEqualTo(new RosterPartyAge(31, new NextBadge(30, LocalDate.of(2025, 5, 14))));

        projection.on(new PartyBadgeAwarded("m1", 30, "HH30-1", LocalDate.of(2025, 9, 2),
                Sensitive.of("p-m1", false), false, "ward-5"), 3, "award-m1-30");
        assertThat(ages(ON).get("m1").nextBadge())
                .isEqualTo(new NextBadge(40, LocalDate.of(2035, 5, 14)));
        // the day before the occasion the 30-year badge was still to come
        assertThat(ages(LocalDate.of(2025, 9, 1)).get("m1").nextBadge())
                .isEqualTo(new NextBadge(30, LocalDate.of(2025, 5, 14)));
    }

    @Test
    void theRollsUnderAWardAreGroupedByPartyAgeAndCountedByTheBadgesTheyHold() {
        onRoll("kp1", "a", LocalDate.of(1980, 3, 1), badge(30, "2010-03-01"), badge(40, "2020-09-02"));
        onRoll("kp1", "b", LocalDate.of(1990, 5, 19), badge(30, "2020-05-19"));
        onRoll("kp2", "c", LocalDate.of(2005, 9, 2));
        onRoll("kp2", "d", LocalDate.of(2020, 9, 2));
        listed("kp2", "probationer", MemberStatus.PROBATIONARY);

        PartyAgeStatistics figures = statistics(List.of(10, 20, 30, 40)).handle(new FindPartyAgeStatistics("ward-5", ON))
                .orElseThrow();

        assertThat(figures.members()).isEqualTo(5);
        assertThat(figures.fullMembers()).isEqualTo(4);
        assertThat(figures.partyAgeGroups()).containsExactly(new PartyAgeStatistics.PartyAgeGroup(0, 10, 1),
                new PartyAgeStatistics.PartyAgeGroup(10, 20, 0), new PartyAgeStatistics.PartyAgeGroup(20, 30, 1),
                new PartyAgeStatistics.PartyAgeGroup(30, 40, 1), new PartyAgeStatistics.PartyAgeGroup(40, null, 1));
        assertThat(figures.badgeHolders()).isEqualTo(2);
        assertThat(figures.badgeLevels()).filteredOn(level -> level.holders() > 0).containsExactly(
                new PartyAgeStatistics.LevelHolders(30, 2, 1), new PartyAgeStatistics.LevelHolders(40, 1, 1));
        // before the 40-year badge was awarded, both held the 30-year one as their highest
        assertThat(statistics(List.of(10)).handle(new FindPartyAgeStatistics("ward-5", LocalDate.of(2020, 6, 1)))
                .orElseThrow().badgeLevels()).filteredOn(level -> level.holders() > 0)
                .containsExactly(new PartyAgeStatistics.LevelHolders(30, 2, 2));
    }

    @Test
    void theCandidatesForAnOccasionReachTheLevelByItOrWithinTheEarlyAllowanceOrDiedWithinThePosthumousOne() {
        // reaches 30 years before 3 Feb 2027
        onRoll("kp1", "reaches", LocalDate.of(1996, 12, 1));
        // reaches 30 ten months after it: early, if seriously ill
        onRoll("kp1", "early-30", LocalDate.of(1997, 12, 1));
        // reaches 70 twenty months after it: the long allowance of 24 months
        onRoll("kp1", "early-70", LocalDate.of(1958, 10, 3), badge(30, "1988-11-07"), badge(40, "1998-11-07"),
                badge(50, "2008-11-07"), badge(60, "2018-11-07"), badge(65, "2023-11-07"));
        // reaches 30 fourteen months after it: not yet
        onRoll("kp2", "not-yet", LocalDate.of(1998, 4, 3));
        // reaches 30, but warned on 1 Sep 2026: not considered before 1 Jun 2027
        onRoll("kp2", "warned", LocalDate.of(1996, 1, 2));
        projection.on(new DisciplineImposed("warned", DisciplineForm.WARNING, "kp2", "kp2", LocalDate.of(2026, 9, 1),
                Sensitive.of("p-warned", ViolationCategory.OTHER)), 1);
        // reprimanded on 1 Jul 2026: past the six months by the occasion, in effect still
        onRoll("kp2", "reprimanded", LocalDate.of(1996, 1, 2));
        projection.on(new DisciplineImposed("reprimanded", DisciplineForm.REPRIMAND, "kp2", "kp2",
                LocalDate.of(2026, 7, 1), Sensitive.of("p-reprimanded", ViolationCategory.OTHER)), 1);
        // died a full member on 1 Jun 2026, eight months before the 40th year
        onRoll("kp2", "died", LocalDate.of(1987, 2, 1), badge(30, "2017-02-03"));
        died("kp2", "died", LocalDate.of(2026, 6, 1));
        // died two years before reaching 30: no posthumous badge
        onRoll("kp2", "died-early", LocalDate.of(1999, 1, 1));
        died("kp2", "died-early", LocalDate.of(2026, 6, 1));

        assertThat(eligibility(FEB_3).candidates()).containsExactly(
                candidate("reaches", "kp1", BadgeEligibility.Ground.REACHES_LEVEL, 30, "2026-12-01"),
                candidate("early-30", "kp1", BadgeEligibility.Ground.EARLY_IF_SERIOUSLY_ILL, 30, "2027-12-01"),
                candidate("early-70", "kp1", BadgeEligibility.Ground.EARLY_IF_SERIOUSLY_ILL, 70, "2028-10-03"),
                new BadgeEligibility.Candidate("reprimanded", "kp2", BadgeEligibility.Ground.REACHES_LEVEL, 30,
                        LocalDate.of(2026, 1, 2), null, DisciplineForm.REPRIMAND, LocalDate.of(2027, 1, 1)),
                new BadgeEligibility.Candidate("died", "kp2", BadgeEligibility.Ground.POSTHUMOUS, 40,
                        LocalDate.of(2027, 2, 1), LocalDate.of(2026, 6, 1), null, null),
                new BadgeEligibility.Candidate("warned", "kp2", BadgeEligibility.Ground.DEFERRED_BY_DISCIPLINE, 30,
                        LocalDate.of(2026, 1, 2), null, DisciplineForm.WARNING, LocalDate.of(2027, 6, 1)));
    }

    @Test
    void anAwardAnnulledFreesItsLevelForTheNextOccasion() {
        onRoll("kp1", "m1", LocalDate.of(1996, 1, 2));
        projection.on(new PartyBadgeAwarded("m1", 30, "HH30-1", LocalDate.of(2026, 2, 3),
                Sensitive.of("p-m1", false), false, "ward-5"), 1, "award-1");
        assertThat(eligibility(FEB_3).candidates()).isEmpty();

        projection.on(new EntryAnnulled("m1", "award-1", EntryType.PARTY_BADGE_AWARDED, "kp1",
                LocalDate.of(2026, 2, 3), null, CorrectionReason.DUPLICATE_ENTRY, "ward-5", LocalDate.of(2026, 3, 1)), 2);

        assertThat(eligibility(FEB_3).candidates()).extracting(BadgeEligibility.Candidate::memberId)
                .containsExactly("m1");
    }

    private static BadgeEligibility.Candidate candidate(String memberId, String branchId,
                                                        BadgeEligibility.Ground ground, int level, String reachesOn) {
        return new BadgeEligibility.Candidate(memberId, branchId, ground, level, LocalDate.parse(reachesOn), null,
                null, null);
    }
}
