package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The recruitment pipeline over HTTP: a candidate becomes a recognised full member step by step, and the mistakes a
 * new user makes are refused with the rule's code, leaving the member's log as it was.
 */
class RecruitmentEndToEndTest extends RunningApplication {

    private void assertRefused(ResponseEntity<JsonNode> response, String code, String rule, String memberId,
                               long eventsBefore) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(422);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("rule").asText()).isEqualTo(rule);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
        assertThat(eventsOf(memberId)).isEqualTo(eventsBefore);
    }

    @Test
    void aCandidateBecomesAFullMemberEffectiveAtTheEndOfProbationEvenWhenRecognisedLater() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);

        expect(scenario.step(memberId, "assign-probation-mentor", """
                {"mentorMemberId": "%s", "assignedOn": "2025-08-25"}
                """.formatted(Scenario.onPaper(scenario.branch, 1))), 200);
        // The minutes state no electorate: the ledger counts the nine full members on the branch's roll that day.
        JsonNode branchVote = expect(scenario.step(memberId, "record-recognition-vote", """
                {"level": "BRANCH", "voteDate": "2026-08-20", "inFavour": 9, "against": 0, "attemptNo": 1}
                """), 200);
        assertThat(payloadOf(branchVote.get("eventIds").get(0).asText()).getInteger("electorate"))
                .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);
        String committeeVote = """
                {"level": "COMMITTEE", %s"voteDate": "2026-08-27", "electorate": 9, "inFavour": 7, "against": 1,
                 "attemptNo": 1}
                """;
        long beforeCommitteeVote = eventsOf(memberId);
        assertRefused(scenario.step(memberId, "record-recognition-vote", committeeVote.formatted("")), "I10",
                "aCommitteeVoteNamesTheGrassrootsCommitteeAndABranchVoteNoCommittee", memberId, beforeCommitteeVote);
        expect(scenario.step(memberId, "record-recognition-vote", committeeVote.formatted(
                "\"committeeOrgId\": \"" + scenario.ward + "\", ")), 200);
        JsonNode recognised = expect(scenario.step(memberId, "recognize-full-member", """
                {"decision": {"docNumber": "301-QĐ/ĐU", "docDate": "2026-10-30", "issuingOrgId": "%s"}}
                """.formatted(scenario.ward)), 200);

        Document event = storedEvent(recognised.get("eventIds").get(0).asText());
        Document payload = event.get("payload", Document.class);
        assertThat(payload.getString("effectiveDate")).isEqualTo("2026-08-19");
        assertThat(payload.getString("decisionDate")).isEqualTo("2026-10-30");
        assertThat(payload.getBoolean("lateDecision")).isTrue();
        assertThat(event.get("metaData", Document.class).get("decision", Document.class))
                .containsEntry("docNumber", "301-QĐ/ĐU");
        Document roll = lastEventOf(scenario.branch).get("payload", Document.class);
        assertThat(roll.getString("memberId")).isEqualTo(memberId);
        assertThat(roll.getString("status")).isEqualTo("FULL");
        assertThat(roll.getString("effectiveDate")).isEqualTo("2026-08-19");
    }

    @Test
    void aSubordinateBranchsProbationerIsStruckOffTheListOnlyWithTheWardCommitteesTwoThirds() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        String strikeOff = """
                {"decision": {"docNumber": "150-QĐ/ĐU", "docDate": "2026-09-15", "issuingOrgId": "%s"},
                 "reason": "did not meet the standard", "branchInFavour": 6,
                 "grassrootsCommitteeMembers": 9, "grassrootsCommitteeInFavour": %d,
                 "standingCommitteeMembers": 5, "standingCommitteeInFavour": 3}
                """;
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> shortOfTwoThirds = scenario.step(memberId, "strike-off-probationary-member",
                strikeOff.formatted(scenario.ward, 5));
        assertRefused(shortOfTwoThirds, "I11",
                "strikeOffFromASubordinateBranchNeedsTwoThirdsOfTheGrassrootsCommittee", memberId, before);

        expect(scenario.step(memberId, "strike-off-probationary-member", strikeOff.formatted(scenario.ward, 6)), 200);
        assertThat(eventTypesOf(memberId)).endsWith("ProbationaryMemberStruckOff");
    }

    @Test
    void aFirstRecognitionVoteLateAfterProbationIsRecordedAndFlaggedAndTheCommitteeDoesNotVoteBeforeIt() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        long before = eventsOf(memberId);

        ResponseEntity<JsonNode> early = scenario.step(memberId, "record-recognition-vote", """
                {"level": "COMMITTEE", "committeeOrgId": "%s", "voteDate": "2026-10-19", "electorate": 9,
                 "inFavour": 7, "against": 1, "attemptNo": 1}
                """.formatted(scenario.ward));
        assertRefused(early, "I10", "theCommitteeVotesAfterAPassedBranchVoteOrADeadlock", memberId, before);

        JsonNode voted = expect(scenario.step(memberId, "record-recognition-vote", """
                {"level": "BRANCH", "voteDate": "2026-10-20", "electorate": 9, "inFavour": 9, "against": 0,
                 "attemptNo": 1}
                """), 200);
        assertThat(eventTypesOf(memberId)).endsWith("RecognitionReviewedLate", "RecognitionVoteRecorded");
        Document late = payloadOf(voted.get("eventIds").get(0).asText());
        assertThat(late.getString("probationEnd")).isEqualTo("2026-08-19");
        assertThat(late.getString("reviewedOn")).isEqualTo("2026-10-20");
    }

    @Test
    void theBranchCannotVoteBeforeTheCandidateHasApplied() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);

        assertRefused(scenario.branchVote(memberId, 0, 300), "PIPELINE_ORDER", "recruitmentStepsFollowTheApplication",
                memberId, 1);
    }

    @Test
    void theBranchCannotVoteOnAFileMissingAnIntroducer() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);
        expect(scenario.step(memberId, "record-awareness-course", """
                {"certificateNo": "GCN-7", "issuerOrgId": "%s", "issueDate": "2025-02-10"}
                """.formatted(scenario.ward)), 200);
        expect(scenario.step(memberId, "submit-application", """
                {"applicationDate": "2025-03-10", "biographyDocRef": "LL-7"}
                """), 200);
        expect(scenario.introducer(memberId, Scenario.onPaper(scenario.branch, 1)), 200);
        expect(scenario.step(memberId, "record-background-verification", """
                {"subjects": ["CANDIDATE"], "conclusion": "CLEAR", "verifyingOrgId": "%s",
                 "concludedOn": "2025-05-05"}
                """.formatted(scenario.ward)), 200);
        expect(scenario.step(memberId, "record-comments-summary", """
                {"docRef": "TH-7", "filedOn": "2025-05-12"}
                """), 200);

        assertRefused(scenario.branchVote(memberId, 0, 300), "I5", "requiredIntroducersArePresent", memberId, 6);
    }

    @Test
    void anUnderAgeCandidateCannotBeVotedOn() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);
        scenario.compileFile(memberId);

        assertRefused(scenario.branchVote(memberId, 0, 215), "I5",
                "ageIsWithinTheAdmissionLimitsUnlessTheProvinceConsented", memberId, 7);
    }

    @Test
    void aBranchVoteStatingMoreFullMembersThanItsRollHeldThatDayIsRefusedNamingI5AndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);
        scenario.compileFile(memberId);

        ResponseEntity<JsonNode> response = scenario.branchVote(memberId, 5, 300);

        assertRefused(response, "I5", "theElectorateIsTheBranchRollOfTheDay", memberId, 7);
        assertThat(response.getBody().get("detail").asText())
                .contains("had " + Scenario.FIRST_BRANCH_ON_PAPER + " full members on its roll");
    }

    @Test
    void anIntroducerTheLedgerDoesNotKnowIsRefusedNamingI4AndAskingForTheImport() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String candidate = "c-" + scenario.suffix;
        expect(scenario.registerCandidate(candidate), 201);
        expect(scenario.step(candidate, "submit-application", """
                {"applicationDate": "2025-03-10", "biographyDocRef": "LL-8"}
                """), 200);

        ResponseEntity<JsonNode> response = scenario.introducer(candidate, "kept-on-paper-" + scenario.suffix);

        assertRefused(response, "I4", "introducerIsAFullMemberOnTheBranchRoll", candidate, 2);
        assertThat(response.getBody().get("detail").asText()).contains("/api/v1/imports");
    }

    @Test
    void aProbationaryMemberCannotIntroduceACandidate() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String probationer = "m-" + scenario.suffix;
        scenario.admittedMember(probationer);
        String candidate = "c-" + scenario.suffix;
        expect(scenario.registerCandidate(candidate), 201);
        expect(scenario.step(candidate, "submit-application", """
                {"applicationDate": "2025-03-10", "biographyDocRef": "LL-8"}
                """), 200);

        assertRefused(scenario.introducer(candidate, probationer), "I4", "introducerIsAFullMemberOnTheBranchRoll",
                candidate, 2);
    }

    @Test
    void aVoteWithANegativeCountIsBadInputNotARefusal() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);

        ResponseEntity<JsonNode> response = scenario.step(memberId, "record-branch-admission-vote", """
                {"meetingId": "m6", "voteDate": "2025-06-02", "inFavour": -1, "against": 0}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("inFavour");
        assertThat(eventsOf(memberId)).isEqualTo(1);
    }
}
