package vn.partyledger.query.roster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterTotals;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The counts kept of each branch's roll (ADR 0055): read from the roster once and kept for the days between two
 * changes of the roll, stale once a change to it is written — whichever document the change is in, even when a crash
 * came between the change and its count, and for a member whose document was stored before it listed the member's
 * rolls.
 */
class KeptRosterCountsTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate CEREMONY = LocalDate.of(2020, 6, 19);
    private static final LocalDate EXEMPT_FROM = LocalDate.of(2024, 3, 1);
    private static final LocalDate ATTACHED = LocalDate.of(2024, 9, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private BranchRosterProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        projection = new BranchRosterProjection(database, SimpleQueryUpdateEmitter.builder().build());
        projection.on(branch("kp1"), 0);
        projection.on(branch("kp2"), 0);
        for (int m = 1; m <= 3; m++) {
            projection.on(new MemberAdmitted("m" + m, "person-m" + m, "kp1", CEREMONY, CEREMONY.plusMonths(12),
                    CEREMONY.minusDays(10), false), 0);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    static OrganisationEstablished branch(String orgId) {
        return new OrganisationEstablished(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, FOUNDED);
    }

    private static ExemptionGranted exempted(String memberId) {
        return new ExemptionGranted(memberId, ExemptionKind.FULL,
                Sensitive.of("person-" + memberId, ExemptionReason.LONG_ILLNESS), EXEMPT_FROM, null, "ward-15", "don-1");
    }

    @Test
    void theCountsOfADayAreKeptForEveryDayUpToTheRollsNextChange() {
        assertThat(counts("kp1", TODAY).probationary()).isEqualTo(3);
        assertThat(counts("kp1", TODAY.minusYears(3)).probationary()).isEqualTo(3);
        assertThat(counts("kp1", CEREMONY.minusDays(1)).headcount()).isZero();

        // from the ceremony on, the roll never changed: one period, open-ended; and one before the ceremony
        assertThat(keptPeriods("kp1")).extracting(period -> period.getString("from"), period -> period.getString("until"))
                .containsExactly(tuple(CEREMONY.toString(), null),
                        tuple(null, CEREMONY.toString()));
    }

    @Test
    void anExemptionGrantedLaterMakesTheCountsKeptOfTheMembersBranchStaleForEveryDay() {
        assertThat(counts("kp1", TODAY).fullyExempt()).isZero();
        assertThat(counts("kp1", EXEMPT_FROM.minusDays(1)).fullyExempt()).isZero();

        projection.on(exempted("m1"), 1);

        assertThat(counts("kp1", TODAY).fullyExempt()).isEqualTo(1);
        assertThat(counts("kp1", EXEMPT_FROM.minusDays(1)).fullyExempt()).isZero();
        assertThat(counts("kp1", EXEMPT_FROM).fullyExempt()).isEqualTo(1);
    }

    @Test
    void aChangeWrittenWhoseCountACrashLostIsCountedWhenTheEventIsHandledAgain() {
        assertThat(counts("kp1", TODAY).fullyExempt()).isZero();
        MongoCollection<Document> kept = database.getCollection(KeptRosterCounts.COLLECTION);
        List<Document> beforeTheChange = kept.find().into(new ArrayList<>());

        projection.on(exempted("m1"), 1);
        // the crash: the exemption is stored, its count is not
        kept.deleteMany(Filters.empty());
        kept.insertMany(beforeTheChange);
        assertThat(counts("kp1", TODAY).fullyExempt()).as("kept from before the change").isZero();

        projection.on(exempted("m1"), 1);

        assertThat(counts("kp1", TODAY).fullyExempt()).isEqualTo(1);
        assertThat(counts("kp1", TODAY)).isEqualTo(fromTheRoster("kp1", TODAY));
    }

    @Test
    void aMemberWhoseDocumentPredatesTheListOfRollsLearnsItFromTheBranchesListingTheMember() {
        MongoCollection<Document> overlays = database.getCollection(BranchRosterProjection.OVERLAYS);
        overlays.updateOne(Filters.eq("_id", "m1"), Updates.unset("rolls"));
        overlays.deleteOne(Filters.eq("_id", "m2"));
        assertThat(counts("kp1", TODAY).fullyExempt()).isZero();

        projection.on(exempted("m1"), 1);
        projection.on(exempted("m2"), 1);

        assertThat(counts("kp1", TODAY).fullyExempt()).isEqualTo(2);
        assertThat(overlays.find(Filters.in("_id", List.of("m1", "m2"))).into(new ArrayList<>()))
                .allSatisfy(member -> assertThat(member.getList("rolls", String.class)).containsExactly("kp1"));
    }

    @Test
    void anAttachmentAndItsEndMakeTheCountsKeptOfTheHostStaleAsWellAsTheHomes() {
        assertThat(counts("kp2", TODAY)).isEqualTo(RosterTotals.Counts.NONE);
        assertThat(counts("kp1", TODAY).attachedOut()).isZero();

        projection.on(new MemberTemporarilyAttached("m1", "t-m1", "kp1", "kp2", ATTACHED, ATTACHED.plusMonths(6)), 1);

        assertThat(counts("kp2", TODAY).attachedIn()).isEqualTo(1);
        assertThat(counts("kp2", TODAY).present()).isEqualTo(1);
        assertThat(counts("kp1", TODAY).attachedOut()).isEqualTo(1);

        projection.on(new MemberTransferClosed("m1", "t-m1", ATTACHED.plusMonths(5)), 2);

        assertThat(counts("kp2", TODAY)).isEqualTo(RosterTotals.Counts.NONE);
        assertThat(counts("kp2", ATTACHED)).isEqualTo(fromTheRoster("kp2", ATTACHED));
        assertThat(counts("kp2", ATTACHED).attachedIn()).isEqualTo(1);

        projection.on(new MemberDeceased("m1", "kp1", ATTACHED.plusMonths(1)), 3);

        assertThat(counts("kp2", ATTACHED.plusMonths(1))).isEqualTo(RosterTotals.Counts.NONE);
        assertThat(counts("kp1", TODAY).headcount()).isEqualTo(2);
    }

    @Test
    void countsReadWhileAChangeIsCountedAreNotKept() {
        KeptRosterCounts kept = new KeptRosterCounts(database, true);
        RosterTotals.Counts read = new RosterTotals.Counts(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        KeptRosterCounts.Kept<RosterTotals.Counts> counted = new KeptRosterCounts.Kept<>(read, null, null);

        // the branch's first change, and a later one, counted while its roster is read
        assertThat(kept.on(List.of("kp9"), TODAY, branchId -> {
            kept.changed(branchId);
            return Optional.of(counted);
        })).containsEntry("kp9", read);
        assertThat(kept.on(List.of("kp9"), TODAY, branchId -> {
            kept.changed(branchId);
            return Optional.of(counted);
        })).containsEntry("kp9", read);

        assertThat(database.getCollection(KeptRosterCounts.COLLECTION).find(Filters.eq("_id", "kp9")).first())
                .isEqualTo(new Document("_id", "kp9").append("changes", 2L));
        assertThat(kept.on(List.of("kp9"), TODAY, branchId -> Optional.of(counted))).containsEntry("kp9", read);
        assertThat(keptPeriods("kp9")).hasSize(1);
    }

    @Test
    void aBranchWithoutARollHasNoCounts() {
        assertThat(projection.countsOn(List.of("kp1", "ward-15"), TODAY)).containsOnlyKeys("kp1");
    }

    private RosterTotals.Counts counts(String branchId, LocalDate date) {
        return projection.countsOn(List.of(branchId), date).get(branchId);
    }

    private RosterTotals.Counts fromTheRoster(String branchId, LocalDate date) {
        return RosterTotalsQueries.counts(projection.handle(new FindBranchRoster(branchId, date)).orElseThrow());
    }

    private List<Document> keptPeriods(String branchId) {
        return database.getCollection(KeptRosterCounts.COLLECTION).find(Filters.eq("_id", branchId)).first()
                .get("kept", Document.class).getList("periods", Document.class);
    }
}
