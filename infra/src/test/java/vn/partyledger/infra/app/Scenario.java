package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed-000-like steps of the first decision path, with ids unique to one test. */
final class Scenario {

    /** Registration and the eight pipeline steps the admission decision needs (I5–I7): its stream's next version. */
    static final int EVENTS_BEFORE_DECISION = 9;

    /** The root of every test tree; {@code board} acts for it (test-users.properties). */
    static final String CENTRAL = "central";

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String province = "hcmc-" + suffix;
    final String ward;
    final String branch;
    private final RestClient client;
    /** The persons this scenario entered in the register: a re-admission registers the same person again. */
    private final Set<String> persons = new HashSet<>();
    /** National ID numbers: twelve digits, distinct across the scenarios sharing one running application. */
    private static final AtomicLong NATIONAL_IDS = new AtomicLong(
            ThreadLocalRandom.current().nextLong(100_000_000_000L, 800_000_000_000L));
    /** The age in completed months on the branch vote the register gives a candidate unless a test asks otherwise. */
    private static final int AGE_AT_VOTE = 300;
    /**
     * The full members the paper file holds for the ward's first branch: the ward's committee of nine was elected from
     * them, and they are the electorate (with whoever a test admits) and the introducers of its candidates (ADR 0029).
     */
    static final int FIRST_BRANCH_ON_PAPER = 9;
    /** The full members the paper file holds for any other branch: the three a branch is founded with. */
    static final int BRANCH_ON_PAPER = 3;
    /** The ward committee's members in office: the first branch's members on paper. */
    static final int WARD_COMMITTEE_IN_OFFICE = FIRST_BRANCH_ON_PAPER;
    /**
     * The members each branch was imported with, by branch id: shared by the Scenarios of one test JVM, as a Scenario
     * over a fixed ward and branch (test-users.properties) works on branches another one founded.
     */
    private static final Map<String, List<String>> ON_PAPER = new ConcurrentHashMap<>();

    Scenario(RestClient client) {
        this.client = client;
        this.ward = "ward15-" + suffix;
        this.branch = "kp1-" + suffix;
    }

    /** A Scenario whose ward and branch have the given ids, as the users of a fixed scope need (test-users.properties). */
    Scenario(RestClient client, String ward, String branch) {
        this.client = client;
        this.ward = ward;
        this.branch = branch;
    }

    /** Seed 000's tree: the city, ward 15 (founded 2000, admitting for its branches) and its branch Khu phố 1. */
    Scenario organisationTree() {
        return province().wardWithBranch(ward, branch, LocalDate.of(2000, 1, 3), LocalDate.of(2010, 1, 4));
    }

    /**
     * The test tree's root, the Central Committee: founded by the first Scenario of the test JVM, found on record (409)
     * by later ones. The board the tests set up with acts for it (ADR 0021: only a board acting for a root may found
     * it), so its scope covers every Scenario's tree.
     */
    Scenario centralCommittee() {
        int status = post("/api/v1/organisations/" + CENTRAL + "/establish", """
                {"name": "Ban Chấp hành Trung ương", "kind": "CENTRAL", "foundingFullMembers": 0,
                 "effectiveDate": "1930-02-03"}
                """).getStatusCode().value();
        assertThat(status).as("founding the test tree's root").isIn(201, 409);
        return this;
    }

    /** The province, under the test tree's root. */
    Scenario province() {
        centralCommittee();
        expect(post("/api/v1/organisations/" + province + "/establish", """
                {"name": "Đảng bộ Thành phố Hồ Chí Minh", "kind": "PROVINCIAL", "foundingFullMembers": 0,
                 "parentOrgId": "central", "effectiveDate": "1975-05-01",
                 "decision": {"docNumber": "1-QĐ/TW", "docDate": "1975-05-01", "issuingOrgId": "central"}}
                """), 201);
        return this;
    }

    /**
     * A ward of the province with delegated admission power, and one residential branch of it whose members on paper
     * are imported and elected the ward's committee.
     */
    Scenario wardWithBranch(String wardId, String branchId, LocalDate wardFounded, LocalDate branchFounded) {
        expect(post("/api/v1/organisations/" + wardId + "/establish", """
                {"name": "Đảng bộ Phường 15", "kind": "GRASSROOTS_COMMITTEE", "parentOrgId": "%s",
                 "flags": {"grassroots": true, "directSuperiorOfGrassroots": false,
                           "delegatedAdmissionAuthority": true, "canDecideDiscipline": true},
                 "foundingFullMembers": 300, "effectiveDate": "%s",
                 "decision": {"docNumber": "12-QĐ/QU", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(province, wardFounded, wardFounded, province)), 201);
        branchOf(wardId, branchId, "Chi bộ Khu phố 1", branchFounded, FIRST_BRANCH_ON_PAPER);
        return committeeElectedFrom(wardId, branchId, branchFounded);
    }

    /** A residential branch of a ward, founded by the ward's decision, with its three full members on paper imported. */
    Scenario branchOf(String wardId, String branchId, String name, LocalDate founded) {
        return branchOf(wardId, branchId, name, founded, BRANCH_ON_PAPER);
    }

    /** A residential branch of a ward with that many full members on paper imported (none for a merge's target). */
    Scenario branchOf(String wardId, String branchId, String name, LocalDate founded, int membersOnPaper) {
        expect(post("/api/v1/organisations/" + branchId + "/establish", """
                {"name": "%s", "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL",
                 "parentOrgId": "%s", "foundingFullMembers": 40, "effectiveDate": "%s",
                 "decision": {"docNumber": "45-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(name, wardId, founded, founded, wardId)), 201);
        return membersOnPaper == 0 ? this : membersOnPaperImported(branchId, founded, membersOnPaper);
    }

    /**
     * The branch's full members as its paper file holds them, imported as a province starts (docs/onboarding): full
     * since 1971 and on the roll since the branch was founded.
     */
    Scenario membersOnPaperImported(String branchId, LocalDate founded, int count) {
        List<String> memberIds = IntStream.rangeClosed(1, count).mapToObj(n -> "paper-" + n + "-" + branchId).toList();
        String file = IntStream.rangeClosed(1, count).mapToObj(n -> """
                {"type": "member", "memberId": "%s", "personId": "person-%s", "homeOrgId": "%s", "status": "FULL",\
                 "firstAdmissionDecisionDate": "1970-03-02", "ceremonyDate": "1970-03-20",\
                 "fullMembershipDate": "1971-03-20", "onRollSince": "%s", "paperFileRef": "HS-%d/%s",\
                 "person": {"fullName": "Lê Văn %s", "dateOfBirth": "1945-05-01", "gender": "MALE",\
                 "ethnicity": "01", "religion": "NONE", "generalEducation": "UPPER_SECONDARY",\
                 "nationalId": "%s"}}""".formatted(memberIds.get(n - 1), memberIds.get(n - 1), branchId, founded, n,
                branchId, memberIds.get(n - 1), nextNationalId()))
                .collect(Collectors.joining("\n"));
        JsonNode report = expect(client.post().uri("/api/v1/imports")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(file.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class), 200);
        assertThat(report.path("outcome").asText()).as("import of %s's members on paper: %s", branchId, report)
                .isEqualTo("COMPLETED");
        ON_PAPER.put(branchId, memberIds);
        return this;
    }

    /** The {@code n}th full member on paper on the branch's roll. */
    static String onPaper(String branchId, int n) {
        return ON_PAPER.get(branchId).get(n - 1);
    }

    /** The members on paper of the merged branches are on the roll of the branch they merged into. */
    static void mergedInto(String targetBranchId, List<String> sourceBranchIds) {
        ON_PAPER.put(targetBranchId, sourceBranchIds.stream().flatMap(source -> ON_PAPER.get(source).stream())
                .toList());
    }

    /** The roster's line for the member: the members on paper come first, as they have been on the roll longest. */
    static JsonNode entryOf(JsonNode roster, String memberId) {
        for (JsonNode entry : roster.get("members")) {
            if (entry.get("memberId").asText().equals(memberId)) {
                return entry;
            }
        }
        throw new AssertionError(memberId + " is not on the roster " + roster);
    }

    /** How many full members the branch was imported with. */
    int onPaper(String branchId) {
        return ON_PAPER.getOrDefault(branchId, List.of()).size();
    }

    /**
     * The ward's committee elected from the branch's first nine members on paper the day the branch was founded (the
     * first day they were all on a roll under the ward), in office since: nine members.
     */
    Scenario committeeElectedFrom(String wardId, String branchId, LocalDate termStart) {
        List<String> leaders = ON_PAPER.get(branchId).subList(0, WARD_COMMITTEE_IN_OFFICE);
        expect(post("/api/v1/organisations/" + wardId + "/record-leadership-election", """
                {"termStart": "%s", "secretaryMemberId": "%s", "deputyMemberIds": ["%s", "%s"],
                 "committeeMemberIds": [%s],
                 "decision": {"docNumber": "1-NQ/ĐH", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(termStart, leaders.get(0), leaders.get(1), leaders.get(2),
                leaders.subList(3, leaders.size()).stream().map(id -> "\"" + id + "\"")
                        .collect(Collectors.joining(", ")), termStart, wardId)), 200);
        return this;
    }

    /** A second branch of the scenario's ward, Khu phố 2, founded with the first: its id, to move members to. */
    String secondBranch() {
        String kp2 = "kp2-" + suffix;
        branchOf(ward, kp2, "Chi bộ Khu phố 2", LocalDate.of(2010, 1, 4));
        return kp2;
    }

    /**
     * Who votes on and decides one admission, and when. Every step is dated back from the decision as seed 000's file
     * was: registered 154 days before, the branch votes 63 days before, the ceremony comes 15 days after. A
     * re-admission (docs/rules.md#s5-1, I25) names the province whose consent it needs; a first admission names none.
     */
    record Admission(String branchId, String committeeOrgId, String decidingOrgId, LocalDate decidedOn,
                     int fullMembersOnRoll, String consentingProvinceId) {

        Admission(String branchId, String committeeOrgId, String decidingOrgId, LocalDate decidedOn,
                  int fullMembersOnRoll) {
            this(branchId, committeeOrgId, decidingOrgId, decidedOn, fullMembersOnRoll, null);
        }

        LocalDate registeredOn() {
            return decidedOn.minusDays(154);
        }

        LocalDate branchVoteOn() {
            return decidedOn.minusDays(63);
        }

        LocalDate ceremonyOn() {
            return decidedOn.plusDays(15);
        }

        boolean readmission() {
            return consentingProvinceId != null;
        }

        /** The same admission in a branch whose roll holds this many full members when it votes. */
        Admission withFullMembersOnRoll(int count) {
            return new Admission(branchId, committeeOrgId, decidingOrgId, decidedOn, count, consentingProvinceId);
        }

        /** The same admission as a re-admission, with the province's consent two weeks before the decision. */
        Admission readmissionConsentedBy(String provinceId) {
            return new Admission(branchId, committeeOrgId, decidingOrgId, decidedOn, fullMembersOnRoll, provinceId);
        }
    }

    /** Seed 000's admission: a branch of the ward, voted on by the ward and decided by it on 4 Aug 2025. */
    Admission admissionIn(String branchId) {
        return admissionIn(branchId, LocalDate.of(2025, 8, 4));
    }

    /** An admission in a branch of the ward, voted on and decided by the ward on {@code decidedOn}. */
    Admission admissionIn(String branchId, LocalDate decidedOn) {
        return new Admission(branchId, ward, ward, decidedOn, 0);
    }

    ResponseEntity<JsonNode> registerCandidate(String memberId) {
        return registerCandidate(memberId, branch);
    }

    ResponseEntity<JsonNode> registerCandidate(String memberId, String branchId) {
        return registerCandidate(memberId, admissionIn(branchId));
    }

    /** The person behind a member record in these scenarios. */
    static String personOf(String memberId) {
        return "person-" + memberId;
    }

    static String nextNationalId() {
        return "%012d".formatted(NATIONAL_IDS.incrementAndGet());
    }

    /** Enters a person in the register, with upper-secondary education and a fresh national ID. */
    ResponseEntity<JsonNode> registerPerson(String personId, LocalDate dateOfBirth) {
        return post("/api/v1/persons/" + personId + "/register", """
                {"fullName": "Nguyễn Văn %s", "dateOfBirth": "%s", "gender": "MALE", "ethnicity": "01",
                 "religion": "NONE", "generalEducation": "UPPER_SECONDARY", "professionalEducation": "UNIVERSITY",
                 "politicalTheory": "ELEMENTARY", "occupation": "teacher", "nationalId": "%s",
                 "youthUnionMember": true, "contact": "0901 234 567"}
                """.formatted(personId, dateOfBirth, nextNationalId()));
    }

    /** Enters the candidate's person in the register once, born {@value #AGE_AT_VOTE} months before the vote. */
    void personOfTheCandidateIsRegistered(String memberId, Admission admission) {
        if (persons.add(personOf(memberId))) {
            expect(registerPerson(personOf(memberId), admission.branchVoteOn().minusMonths(AGE_AT_VOTE)), 201);
        }
    }

    /** Registers the candidate's person first, then the candidacy. */
    ResponseEntity<JsonNode> registerCandidate(String memberId, Admission admission) {
        personOfTheCandidateIsRegistered(memberId, admission);
        return post("/api/v1/members/" + memberId + "/register-candidate", """
                {"personId": "%s", "branchId": "%s", "source": "YOUTH_UNION", "registeredOn": "%s"}
                """.formatted(personOf(memberId), admission.branchId(), admission.registeredOn()));
    }

    ResponseEntity<JsonNode> step(String memberId, String command, String json) {
        return post("/api/v1/members/" + memberId + "/" + command, json);
    }

    /**
     * Certificate, application, two introducers, verification and comments. The introducers are the branch's first two
     * members on paper (I4: full members on its roll for more than twelve months).
     */
    Scenario compileFile(String memberId) {
        return compileFile(memberId, admissionIn(branch));
    }

    /** The candidate's awareness course, certified by the committee 175 days before the admission's decision. */
    ResponseEntity<JsonNode> awarenessCourse(String memberId, Admission admission) {
        LocalDate decided = admission.decidedOn();
        return step(memberId, "record-awareness-course", """
                {"certificateNo": "GCN-%d-118", "issuerOrgId": "%s", "issueDate": "%s"}
                """.formatted(decided.getYear(), admission.committeeOrgId(), decided.minusDays(175)));
    }

    private Scenario compileFile(String memberId, Admission admission) {
        LocalDate decided = admission.decidedOn();
        expect(awarenessCourse(memberId, admission), 200);
        expect(step(memberId, "submit-application", """
                {"applicationDate": "%s", "readmission": %b, "biographyDocRef": "LL-%d-07",
                 "youthUnionAge": false, "unitHasYouthUnion": false}
                """.formatted(decided.minusDays(147), admission.readmission(), decided.getYear())), 200);
        expect(introducer(memberId, onPaper(admission.branchId(), 1), decided), 200);
        expect(introducer(memberId, onPaper(admission.branchId(), 2), decided), 200);
        expect(step(memberId, "record-background-verification", """
                {"subjects": ["CANDIDATE", "FATHER", "MOTHER"], "conclusion": "CLEAR", "verifyingOrgId": "%s",
                 "concludedOn": "%s"}
                """.formatted(admission.committeeOrgId(), decided.minusDays(91))), 200);
        expect(step(memberId, "record-comments-summary", """
                {"docRef": "TH-05", "filedOn": "%s"}
                """.formatted(decided.minusDays(84))), 200);
        return this;
    }

    ResponseEntity<JsonNode> introducer(String memberId, String introducerId) {
        return introducer(memberId, introducerId, admissionIn(branch).decidedOn());
    }

    private ResponseEntity<JsonNode> introducer(String memberId, String introducerId, LocalDate decided) {
        return step(memberId, "assign-introducer", """
                {"introducerType": "FULL_MEMBER", "introducerMemberId": "%s", "knownSince": "%s",
                 "assignedOn": "%s"}
                """.formatted(introducerId, decided.minusYears(2).minusMonths(7), decided.minusDays(140)));
    }

    /** The branch's vote, stating how many full members the test made full on its roll besides those on paper. */
    ResponseEntity<JsonNode> branchVote(String memberId, int fullMembersOnRoll, int ageInMonths) {
        return branchVote(memberId, admissionIn(branch).withFullMembersOnRoll(fullMembersOnRoll), ageInMonths);
    }

    /** The vote; a candidate of another age has the date of birth corrected in the register first (I5 reads it). */
    private ResponseEntity<JsonNode> branchVote(String memberId, Admission admission, int ageInMonths) {
        if (ageInMonths != AGE_AT_VOTE) {
            expect(post("/api/v1/persons/" + personOf(memberId) + "/correct-personal-data", """
                    {"changes": {"dateOfBirth": "%s"}, "reason": "ENTRY_ERROR", "effectiveDate": "%s"}
                    """.formatted(admission.branchVoteOn().minusMonths(ageInMonths), admission.registeredOn())), 200);
        }
        int onRoll = onPaper(admission.branchId()) + admission.fullMembersOnRoll();
        return step(memberId, "record-branch-admission-vote", """
                {"meetingId": "chi-bo-%s-%s", "voteDate": "%s", "fullMembersOnRoll": %d, "inFavour": %d,
                 "against": 0}
                """.formatted(admission.branchVoteOn(), suffix, admission.branchVoteOn(), onRoll, onRoll));
    }

    /**
     * Registered, file compiled, passed by the branch and the ward committee (and for a re-admission consented to by
     * the province): ready for the admission decision.
     */
    Scenario readyForDecision(String memberId) {
        return readyForDecision(memberId, branch);
    }

    Scenario readyForDecision(String memberId, String branchId) {
        return readyForDecision(memberId, admissionIn(branchId));
    }

    Scenario readyForDecision(String memberId, Admission admission) {
        expect(registerCandidate(memberId, admission), 201);
        compileFile(memberId, admission);
        expect(branchVote(memberId, admission, 300), 200);
        expect(step(memberId, "record-committee-admission-vote", """
                {"committeeOrgId": "%s", "voteDate": "%s", "membersInOffice": %d, "inFavour": 7}
                """.formatted(admission.committeeOrgId(), admission.decidedOn().minusDays(49),
                WARD_COMMITTEE_IN_OFFICE)), 200);
        if (admission.readmission()) {
            expect(step(memberId, "record-provincial-consent", """
                    {"kind": "READMISSION",
                     "decision": {"docNumber": "77-CV/TU", "docDate": "%s", "issuingOrgId": "%s"}}
                    """.formatted(admission.decidedOn().minusDays(14), admission.consentingProvinceId())), 200);
        }
        return this;
    }

    ResponseEntity<JsonNode> decideAdmission(String memberId) {
        return decideAdmission(memberId, admissionIn(branch));
    }

    /** The admission decision as signed by the admission's deciding organisation. */
    ResponseEntity<JsonNode> decideAdmission(String memberId, Admission admission) {
        return decideAdmission(memberId, admission, admission.decidedOn().plusDays(2));
    }

    /** The same decision, received by the branch on the day stated. */
    ResponseEntity<JsonNode> decideAdmission(String memberId, Admission admission, LocalDate receivedByBranchOn) {
        return post("/api/v1/members/" + memberId + "/decide-admission", """
                {"decision": {"docNumber": "215-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"},
                 "receivedByBranchOn": "%s"}
                """.formatted(admission.decidedOn(), admission.decidingOrgId(), receivedByBranchOn));
    }

    ResponseEntity<JsonNode> admit(String memberId, String ceremonyDate) {
        return post("/api/v1/members/" + memberId + "/admit", """
                {"ceremonyDate": "%s"}
                """.formatted(ceremonyDate));
    }

    /** Takes the candidate through the pipeline, decides and admits: the admission's outcome. */
    JsonNode admittedMember(String memberId) {
        return admittedMember(memberId, branch);
    }

    /** The same in another branch of the scenario's ward. */
    JsonNode admittedMember(String memberId, String branchId) {
        return admittedMember(memberId, admissionIn(branchId));
    }

    /** The whole admission over HTTP (eleven requests), dated and decided as the admission says. */
    JsonNode admittedMember(String memberId, Admission admission) {
        readyForDecision(memberId, admission);
        expect(decideAdmission(memberId, admission), 200);
        return expect(admit(memberId, admission.ceremonyOn().toString()), 200);
    }

    /**
     * Recognition at the end of probation (three requests): the branch votes the day after probation ends with every
     * full member on its roll in favour, the grassroots committee a week later, and the deciding organisation of the
     * admission signs on the eleventh day.
     */
    JsonNode recognisedFullMember(String memberId, Admission admission, int fullMembersOnRoll) {
        LocalDate probationEnd = admission.ceremonyOn().plusYears(1);
        expect(step(memberId, "record-recognition-vote", """
                {"level": "BRANCH", "voteDate": "%s", "electorate": %d, "inFavour": %d, "against": 0,
                 "attemptNo": 1}
                """.formatted(probationEnd.plusDays(1), onPaper(admission.branchId()) + fullMembersOnRoll,
                onPaper(admission.branchId()) + fullMembersOnRoll)), 200);
        expect(step(memberId, "record-recognition-vote", """
                {"level": "COMMITTEE", "committeeOrgId": "%s", "voteDate": "%s", "electorate": %d, "inFavour": 7,
                 "against": 1, "attemptNo": 1}
                """.formatted(admission.committeeOrgId(), probationEnd.plusDays(8), WARD_COMMITTEE_IN_OFFICE)),
                200);
        return expect(step(memberId, "recognize-full-member", """
                {"decision": {"docNumber": "301-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(probationEnd.plusDays(11), admission.decidingOrgId())), 200);
    }

    /** Seed 000's admission, then recognised by the ward at the end of probation in Aug 2026. */
    Scenario fullMember(String memberId) {
        return fullMember(memberId, admissionIn(branch), 0);
    }

    /** Admitted and then recognised: a full member from the end of probation. */
    Scenario fullMember(String memberId, Admission admission, int fullMembersOnRoll) {
        admittedMember(memberId, admission);
        recognisedFullMember(memberId, admission, fullMembersOnRoll);
        return this;
    }

    /**
     * A full member of the branch struck off for missing three months of meetings from {@code firstMonth}
     * (I19, I20): the branch proposes with the minutes as evidence and all its full members (those on paper and the
     * {@code fullMembersOnRoll} the test made full) in favour, ten days before the committee that
     * admits decides.
     */
    Scenario struckOffForMissedMeetings(String memberId, String branchId, YearMonth firstMonth, int fullMembersOnRoll,
                                        String decidingOrgId, LocalDate decidedOn) {
        List<YearMonth> months = List.of(firstMonth, firstMonth.plusMonths(1), firstMonth.plusMonths(2));
        expect(step(memberId, "propose-strike-off", """
                {"ground": "ABSENCE_OR_DUES_3M", "evidenceRefs": ["BB-SH-%s", "BB-SH-%s", "BB-SH-%s"],
                 "monthsInBreach": ["%s", "%s", "%s"], "voteDate": "%s", "branchFullMembersOnRoll": %d,
                 "branchInFavour": %d}
                """.formatted(months.get(0), months.get(1), months.get(2), months.get(0), months.get(1),
                months.get(2), decidedOn.minusDays(10), onPaper(branchId) + fullMembersOnRoll,
                onPaper(branchId) + fullMembersOnRoll)), 200);
        expect(step(memberId, "strike-off-member", """
                {"decision": {"docNumber": "320-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(decidedOn, decidingOrgId)), 200);
        return this;
    }

    /** A transfer letter from the scenario's branch, signed by its ward; {@code expectedReturn} only for TEMPORARY. */
    ResponseEntity<JsonNode> issueTransferLetter(String transferId, String memberId, String type, String toOrgId,
                                                 String expectedReturn) {
        return post("/api/v1/transfers/" + transferId + "/issue-transfer-letter", """
                {"memberId": "%s", "type": "%s", "fromOrgId": "%s", "toOrgId": "%s", "trigger": "RESIDENCE_CHANGE",
                 "triggerDate": "2025-09-01", "requestedOn": "2025-09-02", "expectedReturn": %s,
                 "letter": {"docNumber": "31-GGT/ĐU-%s", "docDate": "2025-09-03", "issuingOrgId": "%s"}}
                """.formatted(memberId, type, branch, toOrgId,
                expectedReturn == null ? "null" : "\"" + expectedReturn + "\"", transferId, ward));
    }

    /** An official letter from the scenario's branch to a branch of another province (ADR 0046). */
    ResponseEntity<JsonNode> issueTransferLetterToProvince(String transferId, String memberId, String toProvince,
                                                           String toOrgId) {
        return post("/api/v1/transfers/" + transferId + "/issue-transfer-letter-to-province", """
                {"memberId": "%s", "fromOrgId": "%s", "toProvince": "%s", "toOrgId": "%s",
                 "trigger": "RESIDENCE_CHANGE", "triggerDate": "2025-09-01", "requestedOn": "2025-09-02",
                 "letter": {"docNumber": "31-GGT/ĐU-%s", "docDate": "2025-09-03", "issuingOrgId": "%s"}}
                """.formatted(memberId, branch, toProvince, toOrgId, transferId, ward));
    }

    /**
     * The member presents a letter from another province at the scenario's branch (ADR 0050): the person is entered in
     * this province's register first, as the letter carries no personal data.
     */
    ResponseEntity<JsonNode> presentIncomingTransfer(String transferId, String memberId, String presentedOn) {
        expect(registerPerson(personOf(memberId), LocalDate.of(1980, 5, 1)), 201);
        return post("/api/v1/incoming-transfers/" + transferId + "/present-incoming-transfer", """
                {"receivingOrgId": "%s", "personId": "%s", "presentedOn": "%s"}
                """.formatted(branch, personOf(memberId), presentedOn));
    }

    /** The ids of the members on the branch's roster today. */
    List<String> onTheRoster(String branchId) {
        JsonNode roster = client.get().uri("/api/v1/organisations/{id}/roster", branchId).retrieve()
                .body(JsonNode.class);
        List<String> ids = new ArrayList<>();
        roster.get("members").forEach(entry -> ids.add(entry.get("memberId").asText()));
        return ids;
    }

    ResponseEntity<JsonNode> presentTransferLetter(String transferId, String receivingOrgId, String presentedDate) {
        return post("/api/v1/transfers/" + transferId + "/present-transfer-letter", """
                {"receivingOrgId": "%s", "presentedDate": "%s"}
                """.formatted(receivingOrgId, presentedDate));
    }

    /** A temporary exemption from 5 Sep 2026, resolved by the ward, ended when the member resumed on 5 Oct 2026. */
    Scenario exemptedForAMonth(String memberId) {
        expect(post("/api/v1/members/" + memberId + "/grant-exemption", """
                {"kind": "TEMPORARY", "reason": "WORKING_AWAY", "from": "2026-09-05", "until": "2027-03-01",
                 "applicationRef": "don-%s",
                 "resolution": {"docNumber": "12-NQ", "docDate": "2026-09-05", "issuingOrgId": "%s"}}
                """.formatted(memberId, ward)), 200);
        expect(post("/api/v1/members/" + memberId + "/end-exemption", """
                {"reason": "MEMBER_RESUMED", "endedOn": "2026-10-05", "returnFeedbackRef": "nx-1"}
                """), 200);
        return this;
    }

    /** The branch's resolution that the member has had no contact since {@code from}. */
    ResponseEntity<JsonNode> lostContact(String memberId, String from, String decidedOn) {
        return step(memberId, "record-lost-contact", """
                {"from": "%s", "decision": {"docNumber": "NQ-10/CB", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(from, decidedOn, branch));
    }

    /** The branch's resolution, on the day itself, that contact was restored on {@code to}. */
    ResponseEntity<JsonNode> contactRestored(String memberId, String to) {
        return step(memberId, "record-contact-restored", """
                {"to": "%s", "decision": {"docNumber": "NQ-11/CB", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(to, to, branch));
    }

    /** A signed decision as the API takes it: number, date and the organisation that issued it. */
    static String decision(String docNumber, String docDate, String issuingOrgId) {
        return """
                {"docNumber": "%s", "docDate": "%s", "issuingOrgId": "%s"}"""
                .formatted(docNumber, docDate, issuingOrgId);
    }

    ResponseEntity<JsonNode> post(String path, String json) {
        return client.post().uri(path).body(json).retrieve().toEntity(JsonNode.class);
    }

    static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        return response.getBody();
    }
}
