package vn.partyledger.query.roster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.person.ErasureExecuted;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.person.PersonalDataCorrected;
import vn.partyledger.domain.person.PersonalDataCorrectionReason;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.statistics.CountedMembership;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.statistics.MembershipStatistics;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.query.statistics.MembershipOnDateQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members by age group are kept per branch between the days a member crosses into another group and the roll's
 * changes (ADR 0057): read from what is kept, they equal the counts worked out afresh from the rosters and the register
 * on every date, and a date of birth corrected or erased counts at the next read.
 */
class AgeGroupsKeptTest {

    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 3);
    private static final LocalDate CEREMONY = LocalDate.of(2016, 5, 19);
    private static final List<Integer> GROUPS = List.of(18, 31, 41, 51, 61, 71);
    private static final OrganisationTree WARD = node("ward-15", OrganisationKind.GRASSROOTS_COMMITTEE,
            List.of(node("kp1", OrganisationKind.SUBORDINATE_BRANCH, List.of()),
                    node("kp2", OrganisationKind.SUBORDINATE_BRANCH, List.of())));

    private MongoServer server;
    private MongoClient client;
    private BranchRosterProjection rosters;
    /** The register: dates of birth by person, as the test changes them. */
    private final Map<String, LocalDate> born = new HashMap<>();
    /** How many dates of birth the register was asked for. */
    /** Counted from the threads branches are worked out on (ADR 0068). */
    private final AtomicInteger datesOfBirthRead = new AtomicInteger();
    private MembershipOnDateQueries kept;
    private MembershipOnDateQueries afresh;

    private static OrganisationTree node(String orgId, OrganisationKind kind, List<OrganisationTree> children) {
        return new OrganisationTree(orgId, orgId, kind, "hcmc", FOUNDED, null, List.of(), List.of(), children);
    }

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        rosters = new BranchRosterProjection(client.getDatabase("test"), SimpleQueryUpdateEmitter.builder().build());
        rosters.on(KeptRosterCountsTest.branch("kp1"), 0);
        rosters.on(KeptRosterCountsTest.branch("kp2"), 0);
        // born on 29 February, on the last and first days of a year, and on ordinary days; one never registered
        List<LocalDate> births = List.of(LocalDate.of(1996, 2, 29), LocalDate.of(1985, 12, 31),
                LocalDate.of(1976, 1, 1), LocalDate.of(1965, 7, 14), LocalDate.of(1955, 3, 1),
                LocalDate.of(1998, 6, 30), LocalDate.of(1945, 10, 2));
        for (int m = 0; m < births.size(); m++) {
            born.put("p" + m, births.get(m));
            admit("m" + m, "p" + m, m % 2 == 0 ? "kp1" : "kp2", CEREMONY.plusDays(m));
        }
        admit("m-unknown", "p-unknown", "kp2", CEREMONY);
        PersonProfiles register = (personId, date, knownAt) -> {
            datesOfBirthRead.incrementAndGet();
            return Optional.ofNullable(born.get(personId))
                    .map(dob -> new PersonProfile(dob, null, null, null, null, null, null, null));
        };
        kept = new MembershipOnDateQueries(query -> Optional.of(WARD), rosters::countsOn,
                rosters::birthDateFiguresOn, register, GROUPS);
        afresh = new MembershipOnDateQueries(query -> Optional.of(WARD),
                (branchIds, date) -> branchIds.stream()
                        .flatMap(branchId -> rosters.handle(new FindBranchRoster(branchId, date)).stream())
                        .collect(Collectors.toMap(roster -> roster.orgId(), RosterTotalsQueries::counts)),
                (branchIds, date, key, workOut) -> branchIds.stream()
                        .flatMap(branchId -> rosters.handle(new FindBranchRoster(branchId, date)).stream())
                        .collect(Collectors.toMap(roster -> roster.orgId(), roster -> workOut.apply(roster).figures())),
                register, GROUPS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void admit(String memberId, String personId, String branchId, LocalDate ceremony) {
        rosters.on(new MemberAdmitted(memberId, personId, branchId, ceremony, ceremony.plusMonths(12),
                ceremony.minusDays(10), false), 0);
    }

    private MembershipStatistics keptOn(LocalDate date) {
        return kept.handle(new FindMembershipStatistics("ward-15", date)).orElseThrow().statistics();
    }

    private MembershipStatistics afreshOn(LocalDate date) {
        return afresh.handle(new FindMembershipStatistics("ward-15", date)).orElseThrow().statistics();
    }

    @Test
    void theAgeGroupsReadFromWhatIsKeptEqualThoseWorkedOutAfreshOnEveryDateAskedInAnyOrder() {
        // the years after the ceremonies, and 2026 to March 2027, when five members cross into another group: one
        // born on 31 December, one on 1 January, and one on 29 February, who turns 31 on 1 March 2027
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = CEREMONY.minusDays(3); date.isBefore(LocalDate.of(2017, 7, 1)); date = date.plusDays(1)) {
            dates.add(date);
        }
        for (LocalDate date = LocalDate.of(2026, 1, 1); date.isBefore(LocalDate.of(2027, 3, 5));
             date = date.plusDays(1)) {
            dates.add(date);
        }
        Collections.shuffle(dates, new Random(57));
        for (LocalDate date : dates) {
            assertThat(keptOn(date)).as("on %s", date).isEqualTo(afreshOn(date));
        }
        assertThat(keptOn(LocalDate.of(2027, 2, 28)).total().byAgeGroup().get(0).members())
                .as("born on 29 February 1996: 30 until the end of February 2027")
                .isEqualTo(keptOn(LocalDate.of(2027, 3, 1)).total().byAgeGroup().get(0).members() + 1);
        assertThat(keptOn(LocalDate.of(2016, 12, 30)).total().byAgeGroup().get(0).members())
                .as("born on 31 December 1985: 31 on 31 December 2016")
                .isEqualTo(keptOn(LocalDate.of(2016, 12, 31)).total().byAgeGroup().get(0).members() + 1);
    }

    @Test
    void aDayAlreadyCountedIsReadFromWhatIsKeptWithoutReadingADateOfBirth() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        CountedMembership first = kept.handle(new FindMembershipStatistics("ward-15", today)).orElseThrow();
        assertThat(first.datesOfBirthRead()).hasSize(8);
        int readBefore = datesOfBirthRead.get();

        CountedMembership again = kept.handle(new FindMembershipStatistics("ward-15", today)).orElseThrow();
        CountedMembership nextDay = kept.handle(new FindMembershipStatistics("ward-15", today.plusDays(1)))
                .orElseThrow();

        assertThat(again.statistics()).isEqualTo(first.statistics());
        assertThat(again.datesOfBirthRead()).as("no date of birth read: none is recorded as read").isEmpty();
        assertThat(nextDay.datesOfBirthRead()).as("nobody crosses into another group on 1 December").isEmpty();
        assertThat(datesOfBirthRead.get()).isEqualTo(readBefore);
    }

    @Test
    void aDateOfBirthCorrectedCountsAtTheNextRead() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(keptOn(today).total().byAgeGroup().get(0).members()).isEqualTo(2);

        born.put("p0", LocalDate.of(1956, 2, 29));
        rosters.on(new PersonalDataCorrected("p0", Set.of(PersonalDataField.DATE_OF_BIRTH),
                PersonalDataCorrectionReason.ENTRY_ERROR, today, "v2"));

        CountedMembership next = kept.handle(new FindMembershipStatistics("ward-15", today)).orElseThrow();
        assertThat(next.datesOfBirthRead()).as("only p0's branch is worked out again")
                .containsExactlyInAnyOrder("p0", "p2", "p4", "p6");
        assertThat(next.statistics()).isEqualTo(afreshOn(today));
        assertThat(next.statistics().total().byAgeGroup().get(0).members()).isEqualTo(1);
    }

    @Test
    void anotherFieldCorrectedKeepsWhatWasCounted() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        keptOn(today);
        int readBefore = datesOfBirthRead.get();

        rosters.on(new PersonalDataCorrected("p0", Set.of(PersonalDataField.OCCUPATION),
                PersonalDataCorrectionReason.CHANGE_OF_CIRCUMSTANCES, today, "v2"));
        keptOn(today);

        assertThat(datesOfBirthRead.get()).isEqualTo(readBefore);
    }

    @Test
    void anErasedPersonsAgeIsUnknownAtTheNextRead() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(keptOn(today).total().ageUnknown()).isEqualTo(1);

        born.remove("p3");
        rosters.on(new ErasureExecuted("p3", today));

        assertThat(keptOn(today).total().ageUnknown()).isEqualTo(2);
    }

    @Test
    void otherAgeGroupsAreWorkedOutAfresh() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        keptOn(today);

        MembershipOnDateQueries twoGroups = new MembershipOnDateQueries(query -> Optional.of(WARD),
                rosters::countsOn, rosters::birthDateFiguresOn,
                (personId, date, knownAt) -> Optional.ofNullable(born.get(personId))
                        .map(dob -> new PersonProfile(dob, null, null, null, null, null, null, null)),
                List.of(18, 60));

        assertThat(twoGroups.handle(new FindMembershipStatistics("ward-15", today)).orElseThrow().statistics()
                .total().byAgeGroup()).extracting(MembershipStatistics.AgeGroup::members).containsExactly(4, 3);
    }
}
