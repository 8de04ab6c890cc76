package vn.partyledger.query.due;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.correction.CorrectionReason;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryType;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.transfer.MemberTemporarilyAttached;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TemporaryAttachmentExtended;
import vn.partyledger.domain.due.DueKind;
import vn.partyledger.domain.due.DueList;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.exemption.ExemptionEndReason;
import vn.partyledger.domain.exemption.ExemptionEnded;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.PublishedYear;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.TransferLetterIssued;
import vn.partyledger.domain.transfer.TransferLetterPresented;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferType;
import vn.partyledger.domain.tree.OrganisationTree;

import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's admission, followed through the due list of its ward: the decision due after the branch's vote, the
 * ceremony after the receipt, probation's end and the recognition review, a letter and an exemption — each listed from
 * the day it opened until the day it was settled, overdue once its date passed, under the branch that must act.
 */
class DueListProjectionTest {

    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 4);
    private static final LocalDate VOTED = LocalDate.of(2025, 6, 2);
    private static final LocalDate DECIDED = LocalDate.of(2025, 8, 4);
    private static final LocalDate RECEIVED = LocalDate.of(2025, 8, 6);
    private static final LocalDate CEREMONY = LocalDate.of(2025, 8, 19);
    private static final QueryUpdateEmitter EMITTER = SimpleQueryUpdateEmitter.builder().build();
    /** Weekends only, so a test's deadlines are counted by hand. */
    private static final WorkingDayCalendar WEEKDAYS = new WorkingDayCalendar(IntStream.rangeClosed(2000, 2040)
            .mapToObj(year -> new PublishedYear(Year.of(year), Set.of(), Set.of())).toList());

    /** Ward 15 with its branches kp1 and kp2, as the tree projection would answer it. */
    private static final OrganisationTree WARD = new OrganisationTree("ward-15", "Đảng bộ Phường 15",
            OrganisationKind.GRASSROOTS_COMMITTEE, null, FOUNDED, null, List.of(), List.of(),
            List.of(branch("kp1"), branch("kp2")));

    private MongoServer server;
    private MongoClient client;
    private DueListProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("test");
        projection = new DueListProjection(database, WEEKDAYS, AdmissionPolicy.DEFAULTS, RecruitmentPolicy.DEFAULTS,
                query -> Optional.ofNullable(query.orgId().equals("ward-15") ? WARD
                        : WARD.children().stream().filter(branch -> branch.orgId().equals(query.orgId()))
                        .findFirst().orElse(null)), (branchId, date, minimum) -> Optional.empty(), EMITTER);
        projection.on(new OutstandingCandidateRegistered("m1", "p1", "kp1",
                Sensitive.of("p1", CandidateSource.YOUTH_UNION), null, LocalDate.of(2025, 3, 3)));
        projection.on(new BranchAdmissionVoteRecorded("m1", "kp1-2025-06", VOTED, 6, 5, 1, true));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static OrganisationTree branch(String orgId) {
        return new OrganisationTree(orgId, "Chi bộ " + orgId, OrganisationKind.SUBORDINATE_BRANCH, "ward-15", FOUNDED,
                null, List.of(), List.of(), List.of());
    }

    private List<DueList.Item> due(String orgId, LocalDate asOf, int withinDays) {
        return projection.handle(new FindDueList(orgId, asOf, withinDays)).orElseThrow().items();
    }

    @Test
    void theDecisionIsDueSixtyWorkingDaysAfterThePassedVoteAndListedForTheWardUntilItIsSigned() {
        LocalDate deadline = WEEKDAYS.plusWorkingDays(VOTED, 60);

        assertThat(due("ward-15", VOTED, 90)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.ADMISSION_DECISION);
            assertThat(item.branchId()).isEqualTo("kp1");
            assertThat(item.dueOn()).isEqualTo(deadline);
            assertThat(item.overdue()).isFalse();
        });
        assertThat(due("ward-15", VOTED, 30)).as("not yet within a month").isEmpty();
        assertThat(due("kp2", VOTED, 90)).as("another branch's list").isEmpty();
        assertThat(due("ward-15", deadline.plusDays(1), 0)).singleElement()
                .satisfies(item -> assertThat(item.overdue()).isTrue());

        projection.on(new AdmissionApproved("m1", DECIDED, "ward-15", RECEIVED, false));

        assertThat(due("ward-15", DECIDED.minusDays(1), 90)).extracting(DueList.Item::kind)
                .containsExactly(DueKind.ADMISSION_DECISION);
        assertThat(due("ward-15", RECEIVED, 90)).extracting(DueList.Item::kind).containsExactly(DueKind.CEREMONY);
    }

    @Test
    void theCeremonyIsDueThirtyWorkingDaysAfterTheReceiptThenProbationAndTheRecognitionReviewFollow() {
        projection.on(new AdmissionApproved("m1", DECIDED, "ward-15", RECEIVED, false));
        assertThat(due("kp1", RECEIVED, 60)).singleElement()
                .satisfies(item -> assertThat(item.dueOn()).isEqualTo(WEEKDAYS.plusWorkingDays(RECEIVED, 30)));

        projection.on(new MemberAdmitted("m1", "p1", "kp1", CEREMONY, CEREMONY.plusMonths(12), DECIDED, false));
        LocalDate probationEnd = CEREMONY.plusMonths(12);

        assertThat(due("kp1", CEREMONY, 60)).as("nothing due soon after the ceremony").isEmpty();
        assertThat(due("kp1", probationEnd.minusDays(10), 60)).extracting(DueList.Item::kind)
                .containsExactly(DueKind.PROBATION_END);
        assertThat(due("kp1", probationEnd, 60)).as("the review opens when probation ends")
                .extracting(DueList.Item::kind).containsExactly(DueKind.PROBATION_END, DueKind.RECOGNITION_REVIEW);

        projection.on(new RecognitionVoteRecorded("m1", VoteLevel.BRANCH, null, probationEnd.plusDays(3), 6, 6, 0,
                true, 1));
        projection.on(new FullMembershipRecognized("m1", "kp1", probationEnd.plusDays(20), probationEnd, "ward-15",
                false));

        assertThat(due("kp1", probationEnd.plusDays(2), 60)).extracting(DueList.Item::kind)
                .containsExactly(DueKind.PROBATION_END, DueKind.RECOGNITION_REVIEW);
        assertThat(due("kp1", probationEnd.plusDays(3), 60)).extracting(DueList.Item::kind)
                .containsExactly(DueKind.PROBATION_END);
        assertThat(due("kp1", probationEnd.plusDays(20), 60)).isEmpty();
    }

    @Test
    void aProbationaryMemberFromAnotherProvinceIsDueForRecognitionFromTheProbationEndTheLetterCarriedUntilTheyMoveOn() {
        LocalDate probationEnd = LocalDate.of(2026, 4, 1);
        projection.on(new MemberJoinedFromProvince("m9", "p9", "kp1", "t-9", "urn:partyledger:province:hn",
                MemberStatus.PROBATIONARY, LocalDate.of(2025, 3, 2), probationEnd, null, List.of(), null, List.of(),
                List.of(), LocalDate.of(2025, 9, 20)));

        assertThat(due("kp1", probationEnd.minusDays(10), 60)).filteredOn(item -> "m9".equals(item.memberId()))
                .extracting(DueList.Item::kind).containsExactly(DueKind.PROBATION_END);

        projection.on(new MemberLeftForProvince("m9", "t-10", "kp1", "urn:partyledger:province:dn", "dn-kp3",
                probationEnd.minusDays(5)));

        assertThat(due("kp1", probationEnd.minusDays(5), 60)).filteredOn(item -> "m9".equals(item.memberId()))
                .as("another province's to follow now").isEmpty();
    }

    @Test
    void aLetterIsDueByItsDateUnderTheIssuingBranchAndAnOpenItemMovesWithItsMember() {
        LocalDate letterDate = LocalDate.of(2026, 3, 2);
        LocalDate presentBy = WEEKDAYS.plusWorkingDays(letterDate, 30);
        projection.on(new TransferLetterIssued("t1", "m1", TransferType.OFFICIAL, "kp1", "kp2", "ward-15", "31-GGT",
                letterDate, presentBy, TransferTrigger.RESIDENCE_CHANGE, letterDate.minusDays(5), null, false));

        assertThat(due("kp1", letterDate, 60)).filteredOn(item -> item.kind() == DueKind.TRANSFER_LETTER)
                .singleElement().satisfies(item -> {
                    assertThat(item.transferId()).isEqualTo("t1");
                    assertThat(item.dueOn()).isEqualTo(presentBy);
                });

        projection.on(new TransferLetterPresented("t1", "m1", TransferType.OFFICIAL, "kp2", letterDate.plusDays(9),
                null));
        projection.on(new MemberHomeChanged("m1", "t1", "kp1", "kp2", letterDate.plusDays(9)));

        assertThat(due("ward-15", letterDate.plusDays(9), 60)).extracting(DueList.Item::kind)
                .doesNotContain(DueKind.TRANSFER_LETTER);
        assertThat(due("kp2", letterDate.plusDays(9), 60)).as("the candidate's decision moved with the member")
                .extracting(DueList.Item::kind).containsExactly(DueKind.ADMISSION_DECISION);
    }

    @Test
    void aTemporaryExemptionIsDueToEndOnItsPlannedDayUntilItIsEnded() {
        LocalDate from = LocalDate.of(2026, 1, 5);
        LocalDate until = LocalDate.of(2026, 7, 1);
        projection.on(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                Sensitive.of("p1", ExemptionReason.WORKING_AWAY), from, until, "ward-15", "don-1"));

        assertThat(due("kp1", until.minusDays(5), 30)).filteredOn(item -> item.kind() == DueKind.EXEMPTION_END)
                .singleElement().satisfies(item -> assertThat(item.dueOn()).isEqualTo(until));

        projection.on(new ExemptionEnded("m1", ExemptionKind.TEMPORARY, ExemptionEndReason.EXPIRED, until, null));

        assertThat(due("kp1", until, 30)).extracting(DueList.Item::kind).doesNotContain(DueKind.EXEMPTION_END);
    }

    @Test
    void aDeadlineReachingAYearWithoutACalendarIsListedFlaggedNotCountedFromWeekendsAndParksNothing() {
        WorkingDayCalendar through2025 = new WorkingDayCalendar(IntStream.rangeClosed(2000, 2025)
                .mapToObj(year -> new PublishedYear(Year.of(year), Set.of(), Set.of())).toList());
        DueListProjection withoutNextYear = new DueListProjection(client.getDatabase("uncounted"), through2025,
                AdmissionPolicy.DEFAULTS, RecruitmentPolicy.DEFAULTS, query -> Optional.of(WARD),
                (branchId, date, minimum) -> Optional.empty(), EMITTER);
        LocalDate lateVote = LocalDate.of(2025, 12, 15);
        withoutNextYear.on(new OutstandingCandidateRegistered("m9", "p9", "kp1",
                Sensitive.of("p9", CandidateSource.RESIDENT), null, LocalDate.of(2025, 6, 2)));

        withoutNextYear.on(new BranchAdmissionVoteRecorded("m9", "kp1-2025-12", lateVote, 6, 5, 1, true));

        assertThat(withoutNextYear.handle(new FindDueList("ward-15", lateVote.plusDays(10), 0)).orElseThrow().items())
                .singleElement().satisfies(item -> {
                    assertThat(item.deadlineUncounted()).isTrue();
                    assertThat(item.dueOn()).isEqualTo(lateVote);
                    assertThat(item.overdue()).isFalse();
                });
    }

    @Test
    void anEventDeliveredAgainListsItsItemOnceAndASettledItemStaysSettled() {
        BranchAdmissionVoteRecorded vote = new BranchAdmissionVoteRecorded("m1", "kp1-2025-06", VOTED, 6, 5, 1, true);
        AdmissionApproved approved = new AdmissionApproved("m1", DECIDED, "ward-15", RECEIVED, false);
        projection.on(vote);
        projection.on(approved);
        projection.on(vote);
        projection.on(approved);

        assertThat(due("kp1", DECIDED.minusDays(1), 90)).hasSize(1);
        assertThat(due("kp1", RECEIVED, 90)).extracting(DueList.Item::kind).containsExactly(DueKind.CEREMONY);
    }
    @Test
    void anAttachmentIsDueToEndOnItsExpectedReturnUnderTheHomeUntilExtendedThenOnTheNewDayUntilTheMemberReturns() {
        LocalDate from = LocalDate.of(2025, 9, 10);
        LocalDate expected = LocalDate.of(2026, 3, 3);
        LocalDate extendedOn = LocalDate.of(2026, 2, 20);
        LocalDate newUntil = LocalDate.of(2026, 6, 1);
        projection.on(new MemberTemporarilyAttached("m1", "t1", "kp1", "kp2", from, expected));
        // the transfer's side of the same presentation, handled after the member's
        projection.on(new TransferLetterPresented("t1", "m1", TransferType.TEMPORARY, "kp2", from, null));
        TemporaryAttachmentExtended extension = new TemporaryAttachmentExtended("t1", "m1", expected, newUntil,
                extendedOn);
        projection.on(extension);
        projection.on(extension);

        assertThat(due("kp1", extendedOn.minusDays(1), 30)).filteredOn(item -> item.kind() == DueKind.ATTACHMENT_END)
                .singleElement().satisfies(item -> {
                    assertThat(item.transferId()).isEqualTo("t1");
                    assertThat(item.dueOn()).isEqualTo(expected);
                    assertThat(item.rule()).isEqualTo("TEMP_TRANSFER_RANGE (I17)");
                });
        assertThat(due("kp2", extendedOn.minusDays(1), 30)).as("the host's list").isEmpty();
        assertThat(due("kp1", extendedOn, 30)).as("extended past the window").extracting(DueList.Item::kind)
                .doesNotContain(DueKind.ATTACHMENT_END);
        assertThat(due("kp1", extendedOn, 120)).filteredOn(item -> item.kind() == DueKind.ATTACHMENT_END)
                .singleElement().satisfies(item -> assertThat(item.dueOn()).isEqualTo(newUntil));

        projection.on(new TemporaryAttachmentEnded("t1", "m1", "kp2", newUntil.minusDays(10), "nx-1"));

        assertThat(due("kp1", newUntil.minusDays(10), 30)).extracting(DueList.Item::kind)
                .doesNotContain(DueKind.ATTACHMENT_END);
    }

    @Test
    void aCertificateAndAFileAreDueToGoStaleByThePolicyUntilAPassedVoteAndANewCertificateReplacesTheOld() {
        LocalDate issued = LocalDate.of(2024, 3, 4);
        LocalDate applied = LocalDate.of(2024, 4, 1);
        OutstandingCandidateRegistered registered = new OutstandingCandidateRegistered("m7", "p7", "kp2",
                Sensitive.of("p7", CandidateSource.RESIDENT), null, issued.minusMonths(1));
        projection.on(registered);
        projection.on(new AwarenessCourseCompleted("m7", "GCN-1", "ward-15", issued));
        projection.on(new ApplicationSubmitted("m7", applied, false, "LL-1", false, false));

        assertThat(due("kp2", applied, 366)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.FILE_STALE);
            assertThat(item.dueOn()).isEqualTo(applied.plusMonths(12));
            assertThat(item.rule()).isEqualTo("FILE_STALE_MONTHS (I5, FILE_STALE)");
        });
        LocalDate stale = issued.plusMonths(60);
        assertThat(due("kp2", stale.minusDays(30), 30)).filteredOn(item -> item.kind() == DueKind.CERTIFICATE_STALE)
                .singleElement().satisfies(item -> assertThat(item.dueOn()).isEqualTo(stale));
        assertThat(due("kp2", stale.minusDays(30), 30)).filteredOn(item -> item.kind() == DueKind.FILE_STALE)
                .singleElement().satisfies(item -> assertThat(item.overdue()).isTrue());

        LocalDate again = LocalDate.of(2025, 1, 6);
        AwarenessCourseCompleted repeated = new AwarenessCourseCompleted("m7", "GCN-2", "ward-15", again);
        projection.on(repeated);
        projection.on(repeated);

        assertThat(due("kp2", again.minusDays(1), 366)).filteredOn(
                item -> item.kind() == DueKind.CERTIFICATE_STALE).isEmpty();
        assertThat(due("kp2", stale.minusDays(30), 30)).as("the first certificate was replaced")
                .filteredOn(item -> item.kind() == DueKind.CERTIFICATE_STALE).isEmpty();
        assertThat(due("kp2", again.plusMonths(60).minusDays(1), 1))
                .filteredOn(item -> item.kind() == DueKind.CERTIFICATE_STALE).singleElement()
                .satisfies(item -> assertThat(item.since()).isEqualTo(again));

        LocalDate voted = LocalDate.of(2025, 2, 3);
        projection.on(new BranchAdmissionVoteRecorded("m7", "kp2-2025-02", voted, 6, 5, 1, true));

        assertThat(due("kp2", voted.minusDays(1), 366)).extracting(DueList.Item::kind)
                .contains(DueKind.FILE_STALE);
        assertThat(due("kp2", voted, 366)).extracting(DueList.Item::kind)
                .doesNotContain(DueKind.FILE_STALE, DueKind.CERTIFICATE_STALE);
        assertThat(due("kp2", again.plusMonths(60).minusDays(1), 1)).extracting(DueList.Item::kind)
                .doesNotContain(DueKind.CERTIFICATE_STALE);
    }

    @Test
    void aWithdrawnFileIsNoLongerDueToGoStaleAndAnAnnulledExemptionWasNeverDueToEnd() {
        LocalDate applied = LocalDate.of(2025, 3, 3);
        projection.on(new ApplicationSubmitted("m1", applied, false, "LL-1", false, false));
        LocalDate from = LocalDate.of(2025, 9, 1);
        projection.on(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                Sensitive.of("p1", ExemptionReason.WORKING_AWAY), from, LocalDate.of(2026, 3, 1), "ward-15", "don-1"));
        projection.on(new ApplicationWithdrawn("m1", applied.plusMonths(2), null));
        projection.on(new EntryAnnulled("m1", "event-1", EntryType.EXEMPTION_GRANTED, "kp1", from, null,
                CorrectionReason.WRONG_MEMBER, "ward-15", from.plusDays(20)));

        assertThat(due("kp1", applied.plusMonths(2).minusDays(1), 366)).extracting(DueList.Item::kind)
                .contains(DueKind.FILE_STALE);
        assertThat(due("kp1", applied.plusMonths(2), 366)).extracting(DueList.Item::kind)
                .doesNotContain(DueKind.FILE_STALE);
        assertThat(due("kp1", from, 366)).extracting(DueList.Item::kind).doesNotContain(DueKind.EXEMPTION_END);
    }

    @Test
    void aBranchBelowThreeFullMembersIsListedForTheOrganisationAboveItFromTheDayItFellBelow() {
        LocalDate fellBelow = LocalDate.of(2025, 10, 1);
        DueListProjection withSmallBranch = new DueListProjection(client.getDatabase("small"), WEEKDAYS,
                AdmissionPolicy.DEFAULTS, RecruitmentPolicy.DEFAULTS,
                query -> Optional.of(query.orgId().equals("ward-15") ? WARD : branch(query.orgId())),
                (branchId, date, minimum) -> branchId.equals("kp2") && minimum == 3 && !date.isBefore(fellBelow)
                        ? Optional.of(fellBelow) : Optional.empty(), EMITTER);

        assertThat(withSmallBranch.handle(new FindDueList("ward-15", fellBelow.plusDays(3), 0)).orElseThrow().items())
                .singleElement().satisfies(item -> {
                    assertThat(item.kind()).isEqualTo(DueKind.BRANCH_BELOW_MINIMUM);
                    assertThat(item.branchId()).isEqualTo("kp2");
                    assertThat(item.memberId()).isNull();
                    assertThat(item.since()).isEqualTo(fellBelow);
                    assertThat(item.dueOn()).isEqualTo(fellBelow);
                    assertThat(item.overdue()).isTrue();
                    assertThat(item.rule()).contains("Charter Art. 21.2");
                });
        assertThat(withSmallBranch.handle(new FindDueList("ward-15", fellBelow.minusDays(1), 0)).orElseThrow()
                .items()).isEmpty();
        assertThat(withSmallBranch.handle(new FindDueList("kp2", fellBelow.plusDays(3), 0)).orElseThrow().items())
                .as("the branch's own list: its superior acts").isEmpty();
    }

    /**
     * As of every day of a history with each kind, the list read from the whole log equals the list of a projection
     * fed only the events that had taken effect by that day: what the log records later never changes an earlier
     * day's list.
     */
    @Test
    void theListAsOfEveryDayEqualsTheListOfTheLogCutThere() {
        record Effective(LocalDate on, Consumer<DueListProjection> handing) {
        }
        LocalDate probationEnd = CEREMONY.plusMonths(12);
        List<Effective> log = new ArrayList<>(List.of(
                new Effective(LocalDate.of(2025, 3, 3), p -> p.on(new OutstandingCandidateRegistered("m2", "p2", "kp2",
                        Sensitive.of("p2", CandidateSource.RESIDENT), null, LocalDate.of(2025, 3, 3)))),
                new Effective(LocalDate.of(2025, 3, 10), p -> p.on(new AwarenessCourseCompleted("m2", "GCN-3",
                        "ward-15", LocalDate.of(2025, 3, 10)))),
                new Effective(LocalDate.of(2025, 4, 1), p -> p.on(new ApplicationSubmitted("m2",
                        LocalDate.of(2025, 4, 1), false, "LL-2", false, false))),
                new Effective(VOTED, p -> p.on(new BranchAdmissionVoteRecorded("m1", "kp1-2025-06", VOTED, 6, 5, 1,
                        true))),
                new Effective(DECIDED, p -> p.on(new AdmissionApproved("m1", DECIDED, "ward-15", RECEIVED, false))),
                new Effective(CEREMONY, p -> p.on(new MemberAdmitted("m1", "p1", "kp1", CEREMONY, probationEnd,
                        DECIDED, false))),
                new Effective(LocalDate.of(2025, 9, 10), p -> p.on(new MemberTemporarilyAttached("m1", "t9", "kp1",
                        "kp2", LocalDate.of(2025, 9, 10), LocalDate.of(2026, 3, 3)))),
                new Effective(LocalDate.of(2025, 10, 1), p -> p.on(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                        Sensitive.of("p1", ExemptionReason.WORKING_AWAY), LocalDate.of(2025, 10, 1),
                        LocalDate.of(2026, 4, 1), "ward-15", "don-8"))),
                new Effective(LocalDate.of(2026, 1, 5), p -> p.on(new ExemptionEnded("m1", ExemptionKind.TEMPORARY,
                        ExemptionEndReason.MEMBER_RESUMED, LocalDate.of(2026, 1, 5), null))),
                new Effective(LocalDate.of(2026, 2, 20), p -> p.on(new TemporaryAttachmentExtended("t9", "m1",
                        LocalDate.of(2026, 3, 3), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 2, 20)))),
                new Effective(LocalDate.of(2026, 5, 20), p -> p.on(new TemporaryAttachmentEnded("t9", "m1", "kp2",
                        LocalDate.of(2026, 5, 20), "nx-9")))));
        log.forEach(fact -> fact.handing().accept(projection));

        for (LocalDate day = LocalDate.of(2025, 3, 1); day.isBefore(LocalDate.of(2026, 7, 1)); day = day.plusDays(3)) {
            LocalDate cut = day;
            DueListProjection replay = new DueListProjection(client.getDatabase("cut-" + day), WEEKDAYS,
                    AdmissionPolicy.DEFAULTS, RecruitmentPolicy.DEFAULTS, query -> Optional.of(WARD),
                    (branchId, date, minimum) -> Optional.empty(), EMITTER);
            replay.on(new OutstandingCandidateRegistered("m1", "p1", "kp1",
                    Sensitive.of("p1", CandidateSource.YOUTH_UNION), null, LocalDate.of(2025, 3, 3)));
            log.stream().filter(fact -> !fact.on().isAfter(cut)).forEach(fact -> fact.handing().accept(replay));

            assertThat(due("ward-15", day, 400)).as("as of %s", day)
                    .isEqualTo(replay.handle(new FindDueList("ward-15", day, 400)).orElseThrow().items());
        }
    }
}
