package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Transfers between two branches of a ward and exemptions, over HTTP: the events land on the transfer case, the member
 * and both rolls; refusals as a new user would meet them answer 422 naming the rule and write nothing.
 */
class TransfersAndExemptionsEndToEndTest extends RunningApplication {

    private static void assertRefused(ResponseEntity<JsonNode> response, String code, String rule) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(422);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("rule").asText()).isEqualTo(rule);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    private static ResponseEntity<JsonNode> grantExemption(Scenario scenario, String memberId, String kind,
                                                           String reason, String until, String decidedBy) {
        return scenario.post("/api/v1/members/" + memberId + "/grant-exemption", """
                {"kind": "%s", "reason": "%s", "from": "2025-09-01", "until": %s, "applicationRef": "don-%s",
                 "resolution": {"docNumber": "12-NQ", "docDate": "2025-09-01", "issuingOrgId": "%s"}}
                """.formatted(kind, reason, until == null ? "null" : "\"" + until + "\"", memberId, decidedBy));
    }

    /** A member admitted to the scenario's branch, and the id of their transfer to the ward's second branch. */
    private record Mover(Scenario scenario, String kp2, String memberId, String transferId) {

        /** The letter from the member's branch, signed by its ward; {@code expectedReturn} only for TEMPORARY. */
        ResponseEntity<JsonNode> issueLetter(String type, String expectedReturn) {
            return scenario.issueTransferLetter(transferId, memberId, type, kp2, expectedReturn);
        }

        ResponseEntity<JsonNode> presentLetter(String presentedDate) {
            return scenario.presentTransferLetter(transferId, kp2, presentedDate);
        }
    }

    private Mover anAdmittedMemberAndASecondBranch() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        return new Mover(scenario, kp2, memberId, "t-" + scenario.suffix);
    }

    @Test
    void anOfficialTransferBetweenTwoBranchesOfAWardMovesTheHomeAndBothRollsInOneAppend() {
        Mover mover = anAdmittedMemberAndASecondBranch();

        JsonNode issued = expect(mover.issueLetter("OFFICIAL", null), 201);
        assertThat(issued.get("aggregateId").asText()).isEqualTo(mover.transferId());
        assertThat(issued.get("eventIds")).hasSize(2);

        expect(mover.presentLetter("2025-09-10"), 200);

        assertThat(eventTypesOf(mover.transferId())).containsExactly("TransferLetterIssued",
                "TransferLetterPresented");
        assertThat(eventTypesOf(mover.memberId())).endsWith("MemberTransferOpened", "MemberHomeChanged");
        assertThat(eventTypesOf(mover.scenario().branch)).endsWith("MemberEnrolled", "MemberReleased");
        assertThat(eventTypesOf(mover.kp2())).endsWith("MemberEnrolled");
    }

    /** The shipped calendar knows Tết 2026 (16–20 Feb): thirty working days from 10 Feb end on 31 Mar, not 24 Mar. */
    @Test
    void aLetterIssuedBeforeTet2026IsToBePresentedThirtyWorkingDaysLaterCountingTetAsDaysOff() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String memberId = "m-" + scenario.suffix;
        String transferId = "t-" + scenario.suffix;
        scenario.admittedMember(memberId);

        expect(scenario.post("/api/v1/transfers/" + transferId + "/issue-transfer-letter", """
                {"memberId": "%s", "type": "OFFICIAL", "fromOrgId": "%s", "toOrgId": "%s",
                 "trigger": "RESIDENCE_CHANGE", "triggerDate": "2026-02-02", "requestedOn": "2026-02-03",
                 "letter": {"docNumber": "33-GGT/ĐU", "docDate": "2026-02-10", "issuingOrgId": "%s"}}
                """.formatted(memberId, scenario.branch, kp2, scenario.ward)), 201);

        Document letter = storedEventsOf(transferId).get(0).get("payload", Document.class);
        assertThat(letter.getString("presentBy")).isEqualTo("2026-03-31");
    }

    @Test
    void aTemporaryAttachmentKeepsTheHomeAndEndsWhenTheMemberReturns() {
        Mover mover = anAdmittedMemberAndASecondBranch();
        String transfer = "/api/v1/transfers/" + mover.transferId();

        expect(mover.issueLetter("TEMPORARY", "2026-03-03"), 201);
        expect(mover.presentLetter("2025-09-10"), 200);
        expect(mover.scenario().post(transfer + "/extend-temporary-attachment", """
                {"newUntil": "2026-06-01", "extendedOn": "2026-02-20",
                 "report": {"docNumber": "5-BC/CB", "docDate": "2026-02-20", "issuingOrgId": "%s"}}
                """.formatted(mover.kp2())), 200);
        expect(mover.scenario().post(transfer + "/end-temporary-attachment", """
                {"returnDate": "2026-06-01", "hostFeedbackRef": "nx-kp2-1"}
                """), 200);

        assertThat(eventTypesOf(mover.transferId())).containsExactly("TransferLetterIssued",
                "TransferLetterPresented", "TemporaryAttachmentExtended", "TemporaryAttachmentEnded");
        assertThat(eventTypesOf(mover.memberId())).endsWith("MemberTransferOpened", "MemberTemporarilyAttached",
                "MemberTransferClosed");
        assertThat(eventTypesOf(mover.memberId())).doesNotContain("MemberHomeChanged");
        assertThat(eventTypesOf(mover.kp2())).as("only the members on paper enrolled")
                .filteredOn("MemberEnrolled"::equals).hasSize(Scenario.BRANCH_ON_PAPER);
    }

    @Test
    void theGrassrootsCommitteeTemporarilyExemptsMembersOfABranchWhoStayOnTheRoll() {
        Scenario scenario = new Scenario(board()).organisationTree();
        List<String> members = List.of("m1-" + scenario.suffix, "m2-" + scenario.suffix, "m3-" + scenario.suffix);
        members.forEach(scenario::admittedMember);

        expect(grantExemption(scenario, members.get(0), "TEMPORARY", "WORKING_AWAY", "2026-03-01", scenario.ward), 200);
        expect(grantExemption(scenario, members.get(1), "TEMPORARY", "LONG_ILLNESS", "2026-09-01", scenario.ward), 200);
        expect(scenario.post("/api/v1/members/" + members.get(1) + "/end-exemption", """
                {"reason": "MEMBER_RESUMED", "endedOn": "2026-01-05", "returnFeedbackRef": "nx-1"}
                """), 200);

        assertThat(eventTypesOf(members.get(0))).endsWith("ExemptionGranted");
        assertThat(eventTypesOf(members.get(1))).endsWith("ExemptionGranted", "ExemptionEnded");
        assertThat(eventTypesOf(scenario.branch)).doesNotContain("MemberReleased");
    }

    @Test
    void aTemporaryLetterPresentedAfterTheMembersDeathIsRefusedNamingI29AndWritesNothing() {
        Mover mover = anAdmittedMemberAndASecondBranch();
        expect(mover.issueLetter("TEMPORARY", "2026-03-03"), 201);
        expect(mover.scenario().step(mover.memberId(), "record-death", """
                {"dateOfDeath": "2025-09-05"}
                """), 200);
        assertThat(eventTypesOf(mover.transferId())).containsExactly("TransferLetterIssued", "TransferEndedByDeath");
        long memberEvents = eventsOf(mover.memberId());
        long hostEvents = eventsOf(mover.kp2());

        assertRefused(mover.presentLetter("2025-09-10"), "I29", "aDeceasedMembersTransferTakesNoFurtherSteps");

        assertThat(eventsOf(mover.transferId())).isEqualTo(2);
        assertThat(eventsOf(mover.memberId())).isEqualTo(memberEvents);
        assertThat(eventsOf(mover.kp2())).isEqualTo(hostEvents);
        assertThat(eventTypesOf(mover.memberId())).doesNotContain("MemberTemporarilyAttached");
    }

    @Test
    void aTransferOfACandidateIsRefusedNamingI16AndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String memberId = "m-" + scenario.suffix;
        String transferId = "t-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);

        assertRefused(scenario.issueTransferLetter(transferId, memberId, "OFFICIAL", kp2, null), "I16",
                "onlyAProbationaryOrFullMemberIsTransferred");

        assertThat(eventsOf(transferId)).isZero();
        assertThat(eventsOf(memberId)).isEqualTo(1);
    }

    @Test
    void aSecondTransferWhileOneIsOpenIsRefusedNamingI16() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String kp2 = scenario.secondBranch();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        expect(scenario.issueTransferLetter("t1-" + scenario.suffix, memberId, "OFFICIAL", kp2, null), 201);

        assertRefused(scenario.issueTransferLetter("t2-" + scenario.suffix, memberId, "TEMPORARY", kp2, "2026-03-03"),
                "I16", "noOtherOpenTransfer");

        assertThat(eventsOf("t2-" + scenario.suffix)).isZero();
    }

    @Test
    void aLetterPresentedAfterItsDeadlineWithoutAReasonIsRefusedNamingI18AndChangesNothing() {
        Mover mover = anAdmittedMemberAndASecondBranch();
        expect(mover.issueLetter("OFFICIAL", null), 201);
        long memberEvents = eventsOf(mover.memberId());

        assertRefused(mover.presentLetter("2025-11-20"), "I18",
                "aLatePresentationFollowsTheOverdueMarkAndNamesItsReason");

        assertThat(eventsOf(mover.transferId())).isEqualTo(1);
        assertThat(eventsOf(mover.memberId())).isEqualTo(memberEvents);
        assertThat(eventTypesOf(mover.kp2())).as("only the members on paper enrolled")
                .filteredOn("MemberEnrolled"::equals).hasSize(Scenario.BRANCH_ON_PAPER);
    }

    @Test
    void anOverdueLetterPresentedWithAReasonLeavesTheDaysLateOnTheMembersRecordAsAPartyAgeGap() {
        Mover mover = anAdmittedMemberAndASecondBranch();
        String transfer = "/api/v1/transfers/" + mover.transferId();
        expect(mover.issueLetter("OFFICIAL", null), 201);
        expect(mover.scenario().post(transfer + "/mark-transfer-overdue", """
                {"asOf": "2025-11-20"}
                """), 200);

        expect(mover.scenario().post(transfer + "/present-transfer-letter", """
                {"receivingOrgId": "%s", "presentedDate": "2025-11-20", "lateReasonCode": "ILLNESS"}
                """.formatted(mover.kp2())), 200);

        assertThat(eventTypesOf(mover.memberId())).endsWith("MemberTransferOpened", "MemberHomeChanged",
                "TransferPresentedLate");
    }

    @Test
    void anExemptionDecidedByTheWrongBodyIsRefusedNamingTheRule() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        assertRefused(grantExemption(scenario, memberId, "TEMPORARY", "WORKING_AWAY", "2026-03-01", scenario.branch),
                "I15", "temporaryExemptionIsDecidedByTheGrassrootsCommittee");
        assertRefused(grantExemption(scenario, memberId, "FULL", "ADVANCED_AGE_POOR_HEALTH", null, scenario.branch),
                "I14", "fullExemptionIsForAFullMember");

        assertThat(eventsOf(memberId)).isEqualTo(before);
    }

    @Test
    void aTemporaryExemptionWithoutAnEndDateIsRefusedNamingI15() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        assertRefused(grantExemption(scenario, memberId, "TEMPORARY", "WORKING_AWAY", null, scenario.ward), "I15",
                "temporaryExemptionEndsOnADateAfterItStarts");
        assertThat(eventsOf(memberId)).isEqualTo(before);
    }
}
