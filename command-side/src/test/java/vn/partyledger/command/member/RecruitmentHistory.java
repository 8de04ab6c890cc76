package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.partyledger.command.support.Calendars;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Processes;
import vn.partyledger.domain.discipline.DisciplinePolicy;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.command.support.InMemoryMemberRegistry;
import vn.partyledger.command.support.InMemoryOrganisationRegistry;
import vn.partyledger.command.support.InMemoryPersonRegister;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.command.support.SideRecords;
import vn.partyledger.command.transfer.TransferCase;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.AdmissionPolicy;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.AwarenessCourseCompleted;
import vn.partyledger.domain.member.BackgroundVerificationCompleted;
import vn.partyledger.domain.member.BranchAdmissionVoteRecorded;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.CommentsSummaryRecorded;
import vn.partyledger.domain.member.CommitteeAdmissionVoteRecorded;
import vn.partyledger.domain.member.IntroducerAssigned;
import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.member.IntroducerType;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ReadmissionPolicy;
import vn.partyledger.domain.member.RecruitmentPolicy;
import vn.partyledger.domain.member.VerificationConclusion;
import vn.partyledger.domain.member.VerificationSubject;
import vn.partyledger.domain.member.VotePolicy;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.shared.WorkingDayCalendar;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.badge.BadgePolicy;
import vn.partyledger.domain.onboarding.OnboardingPolicies;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One candidate's path through a subordinate branch of 30 full members inside a ward committee, in 2020 (seed 002's
 * Nam Viêm ward admitted seven that year), as given events for the fixture tests of the Member aggregate.
 */
final class RecruitmentHistory {

    static final String BRANCH = "kp1";
    static final String WARD = "ward";
    static final String AUTHORITY = "district-phuc-yen";
    /** The branch a merge founded after the probation's end, which the probationer's branch was merged into. */
    static final String SUCCESSOR = "kp-successor";
    static final LocalDate SUCCESSOR_FOUNDED = LocalDate.of(2021, 7, 1);
    static final int FULL_MEMBERS_ON_ROLL = 30;
    static final int WARD_COMMITTEE_IN_OFFICE = 9;
    static final LocalDate REGISTERED = LocalDate.of(2020, 1, 6);
    static final LocalDate COURSE_ISSUED = LocalDate.of(2019, 11, 4);
    static final LocalDate APPLIED = LocalDate.of(2020, 2, 3);
    static final LocalDate INTRODUCED = LocalDate.of(2020, 2, 10);
    static final LocalDate KNOWN_SINCE = LocalDate.of(2018, 9, 1);
    static final LocalDate BRANCH_VOTE = LocalDate.of(2020, 4, 6);
    static final LocalDate COMMITTEE_VOTE = LocalDate.of(2020, 4, 20);
    static final LocalDate DECIDED = LocalDate.of(2020, 6, 1);
    static final LocalDate RECEIVED = LocalDate.of(2020, 6, 3);
    static final LocalDate CEREMONY = LocalDate.of(2020, 6, 19);
    static final LocalDate PROBATION_END = LocalDate.of(2021, 6, 19);

    static final OutstandingCandidateRegistered REGISTERED_EVENT = new OutstandingCandidateRegistered("m1", "p1",
            BRANCH, Sensitive.of("p1", CandidateSource.YOUTH_UNION), "m-mentor", REGISTERED);
    static final AwarenessCourseCompleted COURSE = new AwarenessCourseCompleted("m1", "GCN-118", "political-centre",
            COURSE_ISSUED);
    static final ApplicationSubmitted APPLICATION = new ApplicationSubmitted("m1", APPLIED, false, "LL-2020-07",
            false, false);
    static final IntroducerAssigned FIRST_INTRODUCER = new IntroducerAssigned("m1", IntroducerType.FULL_MEMBER,
            "m-intro1", null, KNOWN_SINCE, INTRODUCED);
    static final IntroducerAssigned SECOND_INTRODUCER = new IntroducerAssigned("m1", IntroducerType.FULL_MEMBER,
            "m-intro2", null, KNOWN_SINCE, INTRODUCED);
    static final BackgroundVerificationCompleted VERIFIED = new BackgroundVerificationCompleted("m1",
            List.of(VerificationSubject.CANDIDATE, VerificationSubject.FATHER, VerificationSubject.MOTHER),
            VerificationConclusion.CLEAR, WARD, LocalDate.of(2020, 3, 2));
    static final CommentsSummaryRecorded COMMENTS = new CommentsSummaryRecorded("m1", "TH-03", LocalDate.of(2020, 3, 9));
    static final BranchAdmissionVoteRecorded BRANCH_PASSED = new BranchAdmissionVoteRecorded("m1", "meeting-04",
            BRANCH_VOTE, FULL_MEMBERS_ON_ROLL, 25, 3, true);
    static final CommitteeAdmissionVoteRecorded COMMITTEE_PASSED = new CommitteeAdmissionVoteRecorded("m1", WARD,
            COMMITTEE_VOTE, 9, 7, true);
    static final AdmissionApproved APPROVED = new AdmissionApproved("m1", DECIDED, AUTHORITY, RECEIVED, false);
    static final MemberAdmitted ADMITTED = new MemberAdmitted("m1", "p1", BRANCH, CEREMONY, PROBATION_END, DECIDED,
            false);

    private RecruitmentHistory() {
    }

    /** Everything the branch needs before it votes. */
    static Object[] fileReadyForTheVote() {
        return new Object[]{REGISTERED_EVENT, COURSE, APPLICATION, FIRST_INTRODUCER, SECOND_INTRODUCER, VERIFIED,
                COMMENTS};
    }

    /** The file after the branch and the ward committee passed it. */
    static Object[] votesPassed() {
        return Stream.concat(Stream.of(fileReadyForTheVote()), Stream.of(BRANCH_PASSED, COMMITTEE_PASSED))
                .toArray();
    }

    /** A probationary member whose probation ends on {@link #PROBATION_END}. */
    static Object[] probationary() {
        return Stream.concat(Stream.of(votesPassed()), Stream.of(APPROVED, ADMITTED)).toArray();
    }

    static Object[] plus(Object[] history, Object... more) {
        return Stream.concat(Stream.of(history), Stream.of(more)).toArray();
    }

    /** Before 1 Jul 2025 the district standing committee decides, the ward after it (the real resolver's rule). */
    static final AuthorityResolver RESOLVER = (branchId, date) ->
            Optional.of(date.isBefore(LocalDate.of(2025, 7, 1)) ? AUTHORITY : WARD);

    static AggregateTestFixture<Member> fixture(WorkingDayCalendar calendar, RecordingMembershipLedger ledger) {
        return fixture(calendar, ledger, VotePolicy.DEFAULTS);
    }

    static AggregateTestFixture<Member> fixture(WorkingDayCalendar calendar, RecordingMembershipLedger ledger,
                                                VotePolicy votes) {
        return fixture(calendar, ledger, votes, candidateOfTwentyFive(), new SideRecords<>(TransferCase.class));
    }

    /** The candidate p1, 25 at the branch vote, with upper-secondary education. */
    private static InMemoryPersonRegister candidateOfTwentyFive() {
        return new InMemoryPersonRegister().with("p1", BRANCH_VOTE.minusMonths(300), EducationLevel.UPPER_SECONDARY);
    }

    /** With the person register the test fills: age and education on the vote date come from it (I5). */
    static AggregateTestFixture<Member> fixture(InMemoryPersonRegister register, RecordingMembershipLedger ledger) {
        return fixture(Calendars.weekendsOnly(), ledger, VotePolicy.DEFAULTS, register,
                new SideRecords<>(TransferCase.class));
    }

    /** With the transfer cases beside the member records, which a death ends (I29). */
    static AggregateTestFixture<Member> fixture(RecordingMembershipLedger ledger, SideRecords<TransferCase> transfers) {
        return fixture(Calendars.weekendsOnly(), ledger, VotePolicy.DEFAULTS, candidateOfTwentyFive(), transfers);
    }

    private static AggregateTestFixture<Member> fixture(WorkingDayCalendar calendar, RecordingMembershipLedger ledger,
                                                        VotePolicy votes, InMemoryPersonRegister register,
                                                        SideRecords<TransferCase> transfers) {
        AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(new InMemoryOrganisationRegistry()
                .with(BRANCH, OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 1), WARD,
                        FULL_MEMBERS_ON_ROLL, 0)
                .with("grassroots-branch", OrganisationKind.GRASSROOTS_BRANCH, LocalDate.of(2010, 1, 1))
                .with(WARD, OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2010, 1, 1), null, 0,
                        WARD_COMMITTEE_IN_OFFICE)
                .with("other-ward", OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2010, 1, 1), null, 0,
                        WARD_COMMITTEE_IN_OFFICE)
                .with("ward-without-election", OrganisationKind.GRASSROOTS_COMMITTEE, LocalDate.of(2010, 1, 1), null,
                        0, 0)
                .with("kp-new-ward", OrganisationKind.SUBORDINATE_BRANCH, LocalDate.of(2010, 1, 1),
                        "ward-without-election", FULL_MEMBERS_ON_ROLL, 0)
                .with(SUCCESSOR, OrganisationKind.SUBORDINATE_BRANCH, SUCCESSOR_FOUNDED, WARD, FULL_MEMBERS_ON_ROLL, 0));
        fixture.registerInjectableResource(new InMemoryMemberRegistry()
                .with("m-intro1", MemberStatus.FULL, LocalDate.of(2010, 5, 19), BRANCH, LocalDate.of(2010, 1, 4))
                .with("m-intro2", MemberStatus.FULL, LocalDate.of(2012, 9, 2), BRANCH, LocalDate.of(2011, 9, 2))
                .with("m-intro3", MemberStatus.FULL, LocalDate.of(2014, 2, 3), BRANCH, LocalDate.of(2013, 2, 3))
                .with("m-mentor", MemberStatus.FULL, LocalDate.of(2015, 3, 2), BRANCH, LocalDate.of(2014, 3, 2))
                .with("m-newcomer", MemberStatus.FULL, LocalDate.of(2008, 4, 1), BRANCH, LocalDate.of(2019, 9, 2))
                .with("m-other-branch", MemberStatus.FULL, LocalDate.of(2009, 6, 1), "kp2", LocalDate.of(2009, 6, 1))
                .with("m-probationer", MemberStatus.PROBATIONARY, null, BRANCH, LocalDate.of(2019, 6, 19)));
        fixture.registerInjectableResource(RESOLVER);
        fixture.registerInjectableResource(calendar);
        fixture.registerInjectableResource(AdmissionPolicy.DEFAULTS);
        fixture.registerInjectableResource(RecruitmentPolicy.DEFAULTS);
        fixture.registerInjectableResource(ReadmissionPolicy.DEFAULTS);
        fixture.registerInjectableResource(votes);
        fixture.registerInjectableResource(DisciplinePolicy.DEFAULTS);
        fixture.registerInjectableResource(BadgePolicy.DEFAULTS);
        fixture.registerInjectableResource(OnboardingPolicies.DEFAULTS);
        return Processes.ofMembers(fixture, ledger, transfers);
    }

    static AggregateTestFixture<Member> fixture(RecordingMembershipLedger ledger) {
        return fixture(Calendars.weekendsOnly(), ledger);
    }
}
