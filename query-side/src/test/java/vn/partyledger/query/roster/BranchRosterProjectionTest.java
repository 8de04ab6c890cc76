package vn.partyledger.query.roster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionImported;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberContactRestored;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberLostContact;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.member.PartyCardExchanged;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.organisation.BranchLeadershipElected;
import vn.partyledger.domain.roster.BranchRoster;
import vn.partyledger.domain.roster.Position;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.RosterChanged;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.MemberTransferClosed;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Events in, roster documents out, through the real MongoDB driver against the embedded wire server. */
class BranchRosterProjectionTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final OrganisationEstablished BRANCH = new OrganisationEstablished("kp1", "Chi bộ Khu phố 1",
            OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5,
            false, FOUNDED);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private BranchRosterProjection projection;
    private final SimpleQueryUpdateEmitter liveRosters = SimpleQueryUpdateEmitter.builder().build();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        projection = new BranchRosterProjection(database, liveRosters);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static MemberAdmitted admitted(String memberId, LocalDate ceremony) {
        return new MemberAdmitted(memberId, "person-" + memberId, "kp1", ceremony, ceremony.plusMonths(12),
                ceremony.minusDays(10), false);
    }

    @Test
    void aMembersCardIsShownFromTheDayItWasIssuedAndTheExchangedOneFromTheExchange() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(new PartyCardIssued("m1", "TĐ-0417", LocalDate.of(2021, 7, 1), "ward-15", "kp1-2021-07"), 3);
        projection.on(new PartyCardExchanged("m1", "TĐ-0417", "TĐ-2025-0417", "CT-51-2025", LocalDate.of(2025, 9, 2),
                "ward-15"), 4);

        assertThat(memberOn("m1", LocalDate.of(2021, 6, 30)).cardNumber()).isNull();
        assertThat(memberOn("m1", LocalDate.of(2021, 7, 1)).cardNumber()).isEqualTo("TĐ-0417");
        assertThat(memberOn("m1", LocalDate.of(2025, 9, 2)).cardNumber()).isEqualTo("TĐ-2025-0417");
    }

    @Test
    void theBranchsLeadersAreShownInTheirPostsFromTheTermTheyWereElectedFor() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m2", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m3", LocalDate.of(2020, 6, 19)), 2);
        LocalDate firstTerm = LocalDate.of(2022, 5, 10);
        LocalDate secondTerm = LocalDate.of(2025, 5, 12);
        projection.on(new BranchLeadershipElected("kp1", firstTerm, "m1", List.of("m2"), List.of("m1", "m3")));
        projection.on(new BranchLeadershipElected("kp1", secondTerm, "m2", List.of(), List.of("m2", "m1")));

        assertThat(memberOn("m1", firstTerm.minusDays(1)).position()).isNull();
        assertThat(memberOn("m1", firstTerm).position()).isEqualTo(Position.SECRETARY);
        assertThat(memberOn("m2", firstTerm).position()).isEqualTo(Position.DEPUTY_SECRETARY);
        assertThat(memberOn("m3", firstTerm).position()).isEqualTo(Position.COMMITTEE_MEMBER);
        assertThat(memberOn("m2", secondTerm).position()).isEqualTo(Position.SECRETARY);
        assertThat(memberOn("m1", secondTerm).position()).isEqualTo(Position.COMMITTEE_MEMBER);
        assertThat(memberOn("m3", secondTerm).position()).as("not re-elected").isNull();
    }

    private BranchRoster.Entry memberOn(String memberId, LocalDate date) {
        return projection.handle(new FindBranchRoster("kp1", date)).orElseThrow().members().stream()
                .filter(entry -> entry.memberId().equals(memberId)).findFirst().orElseThrow();
    }

    @Test
    void anAdmittedMemberIsOnTheRosterFromTheCeremonyOnAsProbationary() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);

        BranchRoster onCeremony = projection.handle(new FindBranchRoster("kp1", LocalDate.of(2020, 6, 19)))
                .orElseThrow();
        assertThat(onCeremony.name()).isEqualTo("Chi bộ Khu phố 1");
        assertThat(onCeremony.headcount()).isEqualTo(1);
        assertThat(onCeremony.members()).singleElement().satisfies(entry -> {
            assertThat(entry.memberId()).isEqualTo("m1");
            assertThat(entry.personId()).isEqualTo("person-m1");
            assertThat(entry.status()).isEqualTo(MemberStatus.PROBATIONARY);
            assertThat(entry.probationEndDate()).isEqualTo(LocalDate.of(2021, 6, 19));
        });
    }

    @Test
    void theRosterOnADateBeforeTheCeremonyDoesNotListTheMember() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);

        BranchRoster dayBefore = projection.handle(new FindBranchRoster("kp1", LocalDate.of(2020, 6, 18)))
                .orElseThrow();
        assertThat(dayBefore.members()).isEmpty();
        assertThat(dayBefore.headcount()).isZero();
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        projection.on(BRANCH, 0);
        MemberAdmitted event = admitted("m1", LocalDate.of(2020, 6, 19));
        projection.on(event, 2);
        List<Document> once = everything();

        projection.on(event, 2);
        projection.on(BRANCH, 0);

        assertThat(everything()).isEqualTo(once);
    }

    private List<Document> everything() {
        List<Document> documents = new ArrayList<>();
        database.getCollection(BranchRosterProjection.COLLECTION).find().into(documents);
        database.getCollection(BranchRosterProjection.ENTRIES).find().into(documents);
        database.getCollection(BranchRosterProjection.OVERLAYS).find().into(documents);
        return documents;
    }

    @Test
    void aMemberEventThatArrivesBeforeItsBranchIsKeptAndTheBranchFilledInLater() {
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        assertThat(projection.handle(new FindBranchRoster("kp1", LocalDate.of(2021, 1, 1)))).isEmpty();

        projection.on(BRANCH, 0);

        assertThat(projection.handle(new FindBranchRoster("kp1", LocalDate.of(2021, 1, 1))).orElseThrow()
                .members()).extracting(BranchRoster.Entry::memberId).containsExactly("m1");
    }

    @Test
    void anOrganisationThatIsNotABranchHasNoRoster() {
        projection.on(new OrganisationEstablished("ward-15", "Đảng bộ Phường 15", OrganisationKind.GRASSROOTS_COMMITTEE,
                null, "district", null, OrganisationFlags.NONE, 30, false, FOUNDED), 0);

        assertThat(projection.handle(new FindBranchRoster("ward-15", LocalDate.of(2021, 1, 1)))).isEmpty();
    }

    @Test
    void segmentsAdmittingMembersOfOneBranchAtOnceLoseNoMember() throws Exception {
        projection.on(BRANCH, 0);
        BranchRosterProjection otherSegment = new BranchRosterProjection(database, liveRosters);
        ExecutorService segments = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BranchRosterProjection handler = i % 2 == 0 ? projection : otherSegment;
            MemberAdmitted event = admitted("m" + i, LocalDate.of(2020, 6, 19));
            work.add(segments.submit(() -> handler.on(event, 2)));
        }
        for (Future<?> done : work) {
            done.get(30, TimeUnit.SECONDS);
        }
        segments.shutdown();

        BranchRoster roster = projection.handle(new FindBranchRoster("kp1", LocalDate.of(2021, 1, 1))).orElseThrow();
        assertThat(roster.headcount()).isEqualTo(200);
        assertThat(roster.members()).hasSize(200);
    }

    /** A roster reads its branch's entries as the range of ids that begin with the branch's id and "/" (ADR 0061). */
    @Test
    void aBranchsRosterShowsNoMemberOfABranchWhoseIdBeginsWithItsOwn() {
        projection.on(BRANCH, 0);
        for (String orgId : List.of("kp10", "kp1/b", "kp")) {
            projection.on(new OrganisationEstablished(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH,
                    BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, FOUNDED), 0);
            projection.on(new MemberAdmitted("in-" + orgId, "person-" + orgId, orgId, LocalDate.of(2020, 6, 19),
                    LocalDate.of(2021, 6, 19), LocalDate.of(2020, 6, 9), false), 0);
        }
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 0);

        assertThat(projection.handle(new FindBranchRoster("kp1", LocalDate.of(2021, 1, 1))).orElseThrow().members())
                .extracting(BranchRoster.Entry::memberId).containsExactly("m1");
        assertThat(projection.handle(new FindBranchRoster("kp1/b", LocalDate.of(2021, 1, 1))).orElseThrow()
                .members()).extracting(BranchRoster.Entry::memberId).containsExactly("in-kp1/b");
    }

    @Test
    void aMergeMovesTheMemberToTheNewBranchFromItsEffectiveDateWithAContinuousHistory() {
        LocalDate merged = LocalDate.of(2025, 7, 1);
        projection.on(BRANCH, 0);
        projection.on(new OrganisationEstablished("kp-new", "Chi bộ Khu phố mới", OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-new", null, OrganisationFlags.NONE, 5, false, merged), 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        MemberCollectivelyTransferred move = new MemberCollectivelyTransferred("m1", "kp1", "kp-new", merged);

        projection.on(move, 3);
        projection.on(move, 3);

        assertThat(projection.handle(new FindBranchRoster("kp1", merged.minusDays(1))).orElseThrow().members())
                .extracting(BranchRoster.Entry::memberId).containsExactly("m1");
        assertThat(projection.handle(new FindBranchRoster("kp1", merged)).orElseThrow().members()).isEmpty();
        BranchRoster after = projection.handle(new FindBranchRoster("kp-new", merged)).orElseThrow();
        assertThat(after.members()).singleElement().satisfies(entry -> {
            assertThat(entry.memberId()).isEqualTo("m1");
            assertThat(entry.personId()).isEqualTo("person-m1");
            assertThat(entry.status()).isEqualTo(MemberStatus.PROBATIONARY);
            assertThat(entry.since()).isEqualTo(merged);
            assertThat(entry.admissionDecisionDate()).isEqualTo(LocalDate.of(2020, 6, 9));
        });
    }

    @Test
    void aRecognisedMemberIsFullFromTheEndOfProbationEvenWhenRecognisedLate() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate probationEnd = LocalDate.of(2021, 6, 19);
        projection.on(new FullMembershipRecognized("m1", "kp1", LocalDate.of(2021, 8, 2), probationEnd, "ward", true),
                5);

        assertThat(statusOn(probationEnd.minusDays(1))).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(statusOn(probationEnd)).isEqualTo(MemberStatus.FULL);
    }

    @Test
    void aProbationaryMemberStruckOffLeavesTheRosterOnTheDecisionDate() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate decided = LocalDate.of(2021, 3, 1);
        projection.on(new ProbationaryMemberStruckOff("m1", "kp1", decided, "ward", erased("m1")), 4);

        assertThat(statusOn(decided.minusDays(1))).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(projection.handle(new FindBranchRoster("kp1", decided)).orElseThrow().members()).isEmpty();
    }

    private MemberStatus statusOn(LocalDate date) {
        return projection.handle(new FindBranchRoster("kp1", date)).orElseThrow().members().get(0).status();
    }

    @Test
    void anOfficialTransferMovesTheMemberToTheReceivingBranchOnThePresentationDate() {
        LocalDate presented = LocalDate.of(2024, 4, 8);
        projection.on(BRANCH, 0);
        projection.on(new OrganisationEstablished("kp2", "Chi bộ Khu phố 2", OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, FOUNDED), 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);

        projection.on(new MemberHomeChanged("m1", "t-1", "kp1", "kp2", presented), 6);

        assertThat(projection.handle(new FindBranchRoster("kp1", presented)).orElseThrow().members()).isEmpty();
        assertThat(projection.handle(new FindBranchRoster("kp2", presented)).orElseThrow().members())
                .extracting(BranchRoster.Entry::memberId).containsExactly("m1");
    }

    @Test
    void aMemberFromAnotherProvinceIsOnTheRosterFromTheDayTheyPresentedTheLetterAndLeavesWhenTheyMoveOnAgain() {
        LocalDate joined = LocalDate.of(2025, 9, 20);
        LocalDate left = LocalDate.of(2026, 10, 5);
        projection.on(BRANCH, 0);
        projection.on(new MemberJoinedFromProvince("m1", "p1", "kp1", "t-1", "urn:partyledger:province:hn",
                MemberStatus.PROBATIONARY, LocalDate.of(2025, 3, 2), LocalDate.of(2026, 4, 1), null, List.of(),
                "PC-1", List.of(), List.of(), joined), 2);
        projection.on(new MemberLeftForProvince("m1", "t-2", "kp1", "urn:partyledger:province:dn", "dn-kp3", left), 6);

        assertThat(projection.handle(new FindBranchRoster("kp1", joined.minusDays(1))).orElseThrow().members())
                .isEmpty();
        BranchRoster.Entry entry = projection.handle(new FindBranchRoster("kp1", joined)).orElseThrow().members()
                .get(0);
        assertThat(entry.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(entry.probationEndDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(entry.cardNumber()).isEqualTo("PC-1");
        assertThat(projection.handle(new FindBranchRoster("kp1", left.minusDays(1))).orElseThrow().headcount())
                .isEqualTo(1);
        assertThat(projection.handle(new FindBranchRoster("kp1", left)).orElseThrow().members()).isEmpty();
    }

    @Test
    void aRecognitionEffectiveBeforeAMergeBroughtTheMemberMakesThemFullInTheNewBranchFromTheDayTheyCame() {
        LocalDate merged = LocalDate.of(2021, 7, 1);
        LocalDate probationEnd = LocalDate.of(2021, 6, 19);
        projection.on(BRANCH, 0);
        projection.on(new OrganisationEstablished("kp2", "Chi bộ Khu phố 2", OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, merged), 0);
        projection.on(admitted("m1", probationEnd.minusYears(1)), 2);
        projection.on(new MemberCollectivelyTransferred("m1", "kp1", "kp2", merged), 3);

        projection.on(new FullMembershipRecognized("m1", "kp2", merged.plusDays(11), probationEnd, "ward-15", false), 4);

        BranchRoster.Entry entry = projection.handle(new FindBranchRoster("kp2", merged)).orElseThrow().members()
                .get(0);
        assertThat(entry.status()).isEqualTo(MemberStatus.FULL);
        assertThat(entry.since()).isEqualTo(merged);
        assertThat(projection.handle(new FindBranchRoster("kp1", merged.minusDays(1))).orElseThrow().headcount())
                .isEqualTo(1);
    }

    @Test
    void aStruckOffMemberLeavesTheRosterAndARestoredOneComesBack() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate struckOff = LocalDate.of(2023, 3, 1);
        LocalDate restored = LocalDate.of(2023, 9, 1);

        projection.on(new MemberStruckOff("m1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "ward", struckOff), 6);
        projection.on(new MembershipRestored("m1", "kp1", MemberStatus.FULL, true, "ward", restored), 9);

        assertThat(projection.handle(new FindBranchRoster("kp1", struckOff.minusDays(1))).orElseThrow().headcount())
                .isEqualTo(1);
        assertThat(projection.handle(new FindBranchRoster("kp1", struckOff)).orElseThrow().members()).isEmpty();
        assertThat(statusOn(restored)).isEqualTo(MemberStatus.FULL);
    }

    @Test
    void anExpelledOrDeceasedMemberLeavesTheRosterButAReprimandedOneStays() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m2", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m3", LocalDate.of(2020, 6, 19)), 2);
        LocalDate day = LocalDate.of(2024, 5, 2);

        projection.on(new DisciplineImposed("m1", DisciplineForm.EXPULSION, "kp1", "ward", day, erased("m1")), 5);
        projection.on(new DisciplineImposed("m2", DisciplineForm.REPRIMAND, "kp1", "kp1", day, erased("m2")), 5);
        projection.on(new MemberDeceased("m3", "kp1", day), 5);

        assertThat(projection.handle(new FindBranchRoster("kp1", day)).orElseThrow().members())
                .extracting(BranchRoster.Entry::memberId).containsExactly("m2");
    }

    private static EntryAnnulled annulled(EntryType type, LocalDate entryDate) {
        return new EntryAnnulled("m1", "event-7", type, "kp1", entryDate, MemberStatus.PROBATIONARY,
                CorrectionReason.WRONG_MEMBER, "ward", entryDate.plusMonths(2));
    }

    @Test
    void anAnnulledStrikeOffLeavesNoGapOnTheRosterAsOfAnyDate() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate struckOff = LocalDate.of(2023, 3, 1);
        projection.on(new MemberStruckOff("m1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "ward", struckOff), 6);

        projection.on(annulled(EntryType.MEMBER_STRUCK_OFF, struckOff), 7);

        assertThat(statusOn(struckOff.minusDays(1))).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(statusOn(struckOff)).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(statusOn(struckOff.plusYears(1))).isEqualTo(MemberStatus.PROBATIONARY);
    }

    @Test
    void anAnnulledDeathNeverTookTheMemberOffTheRoster() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate died = LocalDate.of(2024, 5, 2);
        projection.on(new MemberDeceased("m1", "kp1", died), 5);

        projection.on(annulled(EntryType.MEMBER_DECEASED, died), 6);
        projection.on(annulled(EntryType.MEMBER_DECEASED, died), 6);

        assertThat(projection.handle(new FindBranchRoster("kp1", died)).orElseThrow().headcount()).isEqualTo(1);
        assertThat(statusOn(died.plusMonths(1))).isEqualTo(MemberStatus.PROBATIONARY);
    }

    @Test
    void aCorrectedDateOfDeathClosesTheMembersPeriodOnTheCorrectedDate() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate recorded = LocalDate.of(2024, 5, 12);
        LocalDate actual = LocalDate.of(2024, 5, 2);
        projection.on(new MemberDeceased("m1", "kp1", recorded), 5);

        projection.on(new EntryDateCorrected("m1", "event-5", EntryType.MEMBER_DECEASED, "kp1", recorded, actual,
                CorrectionReason.WRONG_DATE, "ward", LocalDate.of(2024, 6, 3)), 6);

        assertThat(statusOn(actual.minusDays(1))).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(projection.handle(new FindBranchRoster("kp1", actual)).orElseThrow().members()).isEmpty();
    }

    @Test
    void aCorrectedAdmissionDecisionDateIsWhatTheRosterShows() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate actual = LocalDate.of(2020, 6, 1);

        projection.on(new EntryDateCorrected("m1", "event-1", EntryType.ADMISSION_APPROVED, "kp1",
                LocalDate.of(2020, 6, 9), actual, CorrectionReason.WRONG_DATE, "ward", LocalDate.of(2021, 1, 4)), 3);

        assertThat(projection.handle(new FindBranchRoster("kp1", LocalDate.of(2021, 1, 4))).orElseThrow().members())
                .singleElement().extracting(BranchRoster.Entry::admissionDecisionDate).isEqualTo(actual);
    }

    private static final LocalDate EXEMPT_FROM = LocalDate.of(2023, 1, 9);

    private static ExemptionGranted temporaryExemption(String memberId, LocalDate until) {
        return new ExemptionGranted(memberId, ExemptionKind.TEMPORARY, erased(memberId), EXEMPT_FROM,
                until, "ward-15", "don-" + memberId);
    }

    private static ExemptionGranted fullExemption(String memberId) {
        return new ExemptionGranted(memberId, ExemptionKind.FULL, erased(memberId),
                EXEMPT_FROM, null, "kp1", "don-" + memberId);
    }

    private BranchRoster rosterOn(String orgId, LocalDate date) {
        return projection.handle(new FindBranchRoster(orgId, date)).orElseThrow();
    }

    @Test
    void anExemptMemberStaysOnTheRollAndInTheHeadcountWithTheExemptionFromItsFirstDay() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m2", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m3", LocalDate.of(2020, 6, 19)), 2);
        LocalDate until = EXEMPT_FROM.plusMonths(6);
        projection.on(fullExemption("m1"), 5);
        projection.on(temporaryExemption("m2", until), 5);

        BranchRoster before = rosterOn("kp1", EXEMPT_FROM.minusDays(1));
        assertThat(before.exemptCount()).isZero();
        assertThat(before.members()).extracting(BranchRoster.Entry::exemption).containsOnlyNulls();
        BranchRoster after = rosterOn("kp1", EXEMPT_FROM);
        assertThat(after.headcount()).isEqualTo(3);
        assertThat(after.exemptCount()).isEqualTo(2);
        assertThat(after.members()).extracting(BranchRoster.Entry::exemption).containsExactly(
                new BranchRoster.Exemption(ExemptionKind.FULL, EXEMPT_FROM, null),
                new BranchRoster.Exemption(ExemptionKind.TEMPORARY, EXEMPT_FROM, until),
                null);
    }

    @Test
    void anEndedExemptionIsShownUpToTheDayBeforeItEndedAndARedeliveredEndChangesNothing() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate until = EXEMPT_FROM.plusMonths(6);
        LocalDate resumed = EXEMPT_FROM.plusMonths(4);
        projection.on(temporaryExemption("m1", until), 5);
        ExemptionEnded ended = new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.MEMBER_RESUMED, resumed,
                "feedback-1");

        projection.on(ended, 6);
        List<Document> once = everything();
        projection.on(ended, 6);
        projection.on(temporaryExemption("m1", until), 5);

        assertThat(everything()).isEqualTo(once);
        assertThat(rosterOn("kp1", resumed.minusDays(1)).exemptCount()).isEqualTo(1);
        assertThat(rosterOn("kp1", resumed).exemptCount()).isZero();
        assertThat(rosterOn("kp1", resumed).members().get(0).exemption()).isNull();
    }

    @Test
    void anAnnulledExemptionNeverWasAsOfAnyDate() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(fullExemption("m1"), 5);

        projection.on(new EntryAnnulled("m1", "event-5", EntryType.EXEMPTION_GRANTED, "kp1", EXEMPT_FROM, null,
                CorrectionReason.WRONG_MEMBER, "kp1", EXEMPT_FROM.plusMonths(1)), 6);

        assertThat(rosterOn("kp1", EXEMPT_FROM).exemptCount()).isZero();
        assertThat(rosterOn("kp1", EXEMPT_FROM.plusYears(1)).members()).singleElement()
                .extracting(BranchRoster.Entry::exemption).isNull();
        assertThat(rosterOn("kp1", EXEMPT_FROM).headcount()).isEqualTo(1);
    }

    /** m1 onboarded from the paper file: full on kp1's roll since 2012 (ADR 0024). */
    private static MemberImported importedMember(String memberId) {
        return new MemberImported(memberId, "person-" + memberId, "kp1", MemberStatus.FULL, LocalDate.of(1990, 1, 15),
                LocalDate.of(1990, 1, 15), LocalDate.of(1990, 2, 3), LocalDate.of(1991, 2, 3), LocalDate.of(1991, 2, 3),
                LocalDate.of(2012, 7, 1), List.of(), null, List.of(), "HS-" + memberId, LocalDate.of(2026, 11, 2));
    }

    @Test
    void anExemptionImportedWithTheRecordIsShownAsOneGrantedLive() {
        projection.on(BRANCH, 0);
        projection.on(importedMember("m1"), 0);
        LocalDate until = EXEMPT_FROM.plusMonths(6);

        projection.on(new ExemptionImported("m1", ExemptionKind.TEMPORARY, erased("m1"), EXEMPT_FROM, until,
                "HS-m1", LocalDate.of(2026, 11, 2)), 1);

        BranchRoster roster = rosterOn("kp1", EXEMPT_FROM);
        assertThat(roster.headcount()).isEqualTo(1);
        assertThat(roster.exemptCount()).isEqualTo(1);
        assertThat(roster.members()).singleElement().extracting(BranchRoster.Entry::exemption)
                .isEqualTo(new BranchRoster.Exemption(ExemptionKind.TEMPORARY, EXEMPT_FROM, until));
        assertThat(rosterOn("kp1", EXEMPT_FROM.minusDays(1)).exemptCount()).isZero();
    }

    private static final LocalDate ATTACHED = LocalDate.of(2024, 9, 2);
    private static final OrganisationEstablished HOST = new OrganisationEstablished("kp2", "Chi bộ Khu phố 2",
            OrganisationKind.SUBORDINATE_BRANCH, BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5,
            false, FOUNDED);

    private static MemberTemporarilyAttached attachedToTheHost(String memberId) {
        return new MemberTemporarilyAttached(memberId, "t-" + memberId, "kp1", "kp2", ATTACHED,
                ATTACHED.plusMonths(6));
    }

    @Test
    void aTemporarilyAttachedMemberIsAttachedOutAtHomeAndCountedThereAndAttachedInAtTheHostAndNotCounted() {
        projection.on(BRANCH, 0);
        projection.on(HOST, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(admitted("m2", LocalDate.of(2020, 6, 19)), 2);

        projection.on(attachedToTheHost("m1"), 5);
        projection.on(attachedToTheHost("m1"), 5);

        BranchRoster home = rosterOn("kp1", ATTACHED);
        assertThat(home.headcount()).isEqualTo(2);
        assertThat(home.members()).extracting(BranchRoster.Entry::attachment).containsExactly(
                new BranchRoster.Attachment(BranchRoster.Attachment.Direction.OUT, "kp2", ATTACHED), null);
        BranchRoster host = rosterOn("kp2", ATTACHED);
        assertThat(host.headcount()).isZero();
        assertThat(host.members()).singleElement().satisfies(entry -> {
            assertThat(entry.memberId()).isEqualTo("m1");
            assertThat(entry.status()).isEqualTo(MemberStatus.PROBATIONARY);
            assertThat(entry.attachment()).isEqualTo(
                    new BranchRoster.Attachment(BranchRoster.Attachment.Direction.IN, "kp1", ATTACHED));
        });
        assertThat(rosterOn("kp2", ATTACHED.minusDays(1)).members()).isEmpty();
        assertThat(rosterOn("kp1", ATTACHED.minusDays(1)).members()).extracting(BranchRoster.Entry::attachment)
                .containsOnlyNulls();
    }

    @Test
    void aMemberBackFromTheAttachmentIsHomeOnlyFromTheDayOfReturnAndTheHostsRosterKeepsItsHistory() {
        projection.on(BRANCH, 0);
        projection.on(HOST, 0);
        projection.on(importedMember("m1"), 0);
        projection.on(attachedToTheHost("m1"), 1);
        LocalDate back = ATTACHED.plusMonths(5);

        projection.on(new MemberTransferClosed("m1", "t-m1", back), 2);

        assertThat(rosterOn("kp2", back.minusDays(1)).members()).extracting(BranchRoster.Entry::memberId)
                .containsExactly("m1");
        assertThat(rosterOn("kp2", back).members()).isEmpty();
        assertThat(rosterOn("kp1", back).members()).singleElement().extracting(BranchRoster.Entry::attachment)
                .isNull();
        assertThat(rosterOn("kp1", back).headcount()).isEqualTo(1);
    }

    @Test
    void aMemberWhoDiesWhileAttachedLeavesTheHostsRosterWithTheHomes() {
        projection.on(BRANCH, 0);
        projection.on(HOST, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(attachedToTheHost("m1"), 5);
        LocalDate died = ATTACHED.plusMonths(2);

        projection.on(new MemberDeceased("m1", "kp1", died), 6);

        assertThat(rosterOn("kp2", died.minusDays(1)).members()).hasSize(1);
        assertThat(rosterOn("kp2", died).members()).isEmpty();
        assertThat(rosterOn("kp1", died).members()).isEmpty();
    }

    @Test
    void aMemberWhoMovesBranchKeepsTheExemptionInForceOnTheNewBranch() {
        LocalDate merged = EXEMPT_FROM.plusMonths(2);
        projection.on(BRANCH, 0);
        projection.on(new OrganisationEstablished("kp-new", "Chi bộ Khu phố mới", OrganisationKind.SUBORDINATE_BRANCH,
                BranchType.RESIDENTIAL, "ward-15", null, OrganisationFlags.NONE, 5, false, merged), 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        projection.on(fullExemption("m1"), 5);

        projection.on(new MemberCollectivelyTransferred("m1", "kp1", "kp-new", merged), 6);

        BranchRoster.Exemption exemption = new BranchRoster.Exemption(ExemptionKind.FULL, EXEMPT_FROM, null);
        assertThat(rosterOn("kp1", merged.minusDays(1)).members()).singleElement()
                .extracting(BranchRoster.Entry::exemption).isEqualTo(exemption);
        assertThat(rosterOn("kp1", merged).exemptCount()).isZero();
        BranchRoster after = rosterOn("kp-new", merged);
        assertThat(after.exemptCount()).isEqualTo(1);
        assertThat(after.members()).singleElement().extracting(BranchRoster.Entry::exemption).isEqualTo(exemption);
    }

    @Test
    void anExemptionGrantedBeforeTheMembersAdmissionReachesTheProjectionIsShownOnceTheMemberIs() {
        projection.on(BRANCH, 0);
        projection.on(fullExemption("m1"), 5);

        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);

        assertThat(rosterOn("kp1", EXEMPT_FROM).exemptCount()).isEqualTo(1);
    }

    @Test
    void aSuspendedMemberAndOneOutOfContactAreShownSoOnlyWhileItLasts() {
        projection.on(BRANCH, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        LocalDate suspended = LocalDate.of(2023, 3, 1);
        LocalDate lifted = LocalDate.of(2023, 6, 1);
        LocalDate lost = LocalDate.of(2024, 1, 15);
        LocalDate restored = LocalDate.of(2024, 9, 2);

        projection.on(new MemberSuspended("m1", "ward-15", suspended), 5);
        projection.on(new MemberSuspensionLifted("m1", "ward-15", lifted), 6);
        projection.on(new MemberLostContact("m1", "kp1", lost, "kp1"), 7);
        projection.on(new MemberContactRestored("m1", "kp1", lost, restored, "kp1"), 8);

        assertThat(rosterOn("kp1", suspended.minusDays(1)).members().get(0).suspended()).isFalse();
        assertThat(rosterOn("kp1", suspended).members().get(0).suspended()).isTrue();
        assertThat(rosterOn("kp1", lifted).members().get(0).suspended()).isFalse();
        assertThat(rosterOn("kp1", lost.minusDays(1)).members().get(0).lostContactSince()).isNull();
        assertThat(rosterOn("kp1", restored.minusDays(1)).members().get(0).lostContactSince()).isEqualTo(lost);
        assertThat(rosterOn("kp1", restored).members().get(0).lostContactSince()).isNull();
        assertThat(rosterOn("kp1", restored).headcount()).isEqualTo(1);
    }

    @Test
    void anAdmissionTellsTheLiveRostersOfItsBranchOnly() {
        projection.on(BRANCH, 0);
        projection.on(HOST, 0);
        List<Object> home = followed("kp1");
        List<Object> host = followed("kp2");

        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);

        assertThat(home).containsExactly(new RosterChanged("m1"));
        assertThat(host).isEmpty();
    }

    @Test
    void anAttachmentWhichNamesNoBranchOfTheRosterTellsTheLiveRostersOfTheHomeAndTheHost() {
        projection.on(BRANCH, 0);
        projection.on(HOST, 0);
        projection.on(admitted("m1", LocalDate.of(2020, 6, 19)), 2);
        List<Object> home = followed("kp1");
        List<Object> host = followed("kp2");

        projection.on(attachedToTheHost("m1"), 5);
        projection.on(new MemberLostContact("m1", "kp1", ATTACHED.plusDays(3), "kp1"), 6);

        assertThat(home).containsExactly(new RosterChanged("m1"), new RosterChanged("m1"));
        assertThat(host).containsExactly(new RosterChanged("m1"), new RosterChanged("m1"));
    }

    /** The updates a live roster of the branch receives, as the query bus would subscribe it. */
    private List<Object> followed(String orgId) {
        List<Object> updates = new ArrayList<>();
        liveRosters.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(
                        new FindBranchRoster(orgId, ATTACHED), ResponseTypes.optionalInstanceOf(BranchRoster.class),
                        ResponseTypes.instanceOf(RosterChanged.class)), 16)
                .getUpdates().map(Message::getPayload).subscribe(updates::add);
        return updates;
    }

    /**
     * The roster never reads a sensitive fact, so every one here is of an erased person: the roster is built the same
     * (ADR 0023).
     */
    private static <T> Sensitive<T> erased(String memberId) {
        return Sensitive.sealed("person-" + memberId, Optional::empty);
    }
}
