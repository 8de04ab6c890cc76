package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed-000-like steps of the first decision path, with ids unique to one test. */
final class Scenario {

    /** Registration and the eight pipeline steps the admission decision needs (I5–I7): its stream's next version. */
    static final int EVENTS_BEFORE_DECISION = 9;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String province = "hcmc-" + suffix;
    final String ward = "ward15-" + suffix;
    final String branch = "kp1-" + suffix;
    private final RestClient client;

    Scenario(RestClient client) {
        this.client = client;
    }

    Scenario organisationTree() {
        expect(post("/api/v1/organisations/" + province + "/establish", """
                {"name": "Đảng bộ Thành phố Hồ Chí Minh", "kind": "PROVINCIAL", "foundingFullMembers": 0,
                 "effectiveDate": "1975-05-01",
                 "decision": {"docNumber": "1-QĐ/TW", "docDate": "1975-05-01", "issuingOrgId": "central"}}
                """), 201);
        expect(post("/api/v1/organisations/" + ward + "/establish", """
                {"name": "Đảng bộ Phường 15", "kind": "GRASSROOTS_COMMITTEE", "parentOrgId": "%s",
                 "flags": {"grassroots": true, "directSuperiorOfGrassroots": false,
                           "delegatedAdmissionAuthority": true, "canDecideDiscipline": true},
                 "foundingFullMembers": 300, "effectiveDate": "2000-01-03",
                 "decision": {"docNumber": "12-QĐ/QU", "docDate": "2000-01-03", "issuingOrgId": "%s"}}
                """.formatted(province, province)), 201);
        expect(post("/api/v1/organisations/" + branch + "/establish", """
                {"name": "Chi bộ Khu phố 1", "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL",
                 "parentOrgId": "%s", "foundingFullMembers": 67, "effectiveDate": "2010-01-04",
                 "decision": {"docNumber": "45-QĐ/ĐU", "docDate": "2010-01-04", "issuingOrgId": "%s"}}
                """.formatted(ward, ward)), 201);
        return this;
    }

    ResponseEntity<JsonNode> registerCandidate(String memberId) {
        return registerCandidate(memberId, branch);
    }

    ResponseEntity<JsonNode> registerCandidate(String memberId, String branchId) {
        return post("/api/v1/members/" + memberId + "/register-candidate", """
                {"personId": "person-%s", "branchId": "%s", "source": "YOUTH_UNION", "registeredOn": "2025-03-03"}
                """.formatted(memberId, branchId));
    }

    ResponseEntity<JsonNode> step(String memberId, String command, String json) {
        return post("/api/v1/members/" + memberId + "/" + command, json);
    }

    /**
     * Certificate, application, two introducers, verification and comments. The introducers predate the ledger (not
     * on record here), which ADR 0008 accepts until existing members are keyed in.
     */
    Scenario compileFile(String memberId) {
        expect(step(memberId, "record-awareness-course", """
                {"certificateNo": "GCN-2025-118", "issuerOrgId": "%s", "issueDate": "2025-02-10"}
                """.formatted(ward)), 200);
        expect(step(memberId, "submit-application", """
                {"applicationDate": "2025-03-10", "readmission": false, "biographyDocRef": "LL-2025-07",
                 "youthUnionAge": false, "unitHasYouthUnion": false}
                """), 200);
        expect(introducer(memberId, "m-legacy-a-" + suffix), 200);
        expect(introducer(memberId, "m-legacy-b-" + suffix), 200);
        expect(step(memberId, "record-background-verification", """
                {"subjects": ["CANDIDATE", "FATHER", "MOTHER"], "conclusion": "CLEAR", "verifyingOrgId": "%s",
                 "concludedOn": "2025-05-05"}
                """.formatted(ward)), 200);
        expect(step(memberId, "record-comments-summary", """
                {"docRef": "TH-05", "filedOn": "2025-05-12"}
                """), 200);
        return this;
    }

    ResponseEntity<JsonNode> introducer(String memberId, String introducerId) {
        return step(memberId, "assign-introducer", """
                {"introducerType": "FULL_MEMBER", "introducerMemberId": "%s", "knownSince": "2023-01-02",
                 "assignedOn": "2025-03-17"}
                """.formatted(introducerId));
    }

    /** The branch's vote, stating how many full members its roll has (none in a new test branch). */
    ResponseEntity<JsonNode> branchVote(String memberId, int fullMembersOnRoll, int ageInMonths) {
        return step(memberId, "record-branch-admission-vote", """
                {"meetingId": "chi-bo-06-%s", "voteDate": "2025-06-02", "fullMembersOnRoll": %d, "inFavour": %d,
                 "against": 0, "ageInMonthsAtVote": %d, "education": "UPPER_SECONDARY"}
                """.formatted(suffix, fullMembersOnRoll, fullMembersOnRoll, ageInMonths));
    }

    /** Registered, file compiled, passed by the branch and the ward committee: ready for the admission decision. */
    Scenario readyForDecision(String memberId) {
        return readyForDecision(memberId, branch);
    }

    Scenario readyForDecision(String memberId, String branchId) {
        expect(registerCandidate(memberId, branchId), 201);
        compileFile(memberId);
        expect(branchVote(memberId, 0, 300), 200);
        expect(step(memberId, "record-committee-admission-vote", """
                {"committeeOrgId": "%s", "voteDate": "2025-06-16", "membersInOffice": 9, "inFavour": 7}
                """.formatted(ward)), 200);
        return this;
    }

    ResponseEntity<JsonNode> decideAdmission(String memberId) {
        return post("/api/v1/members/" + memberId + "/decide-admission", """
                {"decision": {"docNumber": "215-QĐ/ĐU", "docDate": "2025-08-04", "issuingOrgId": "%s"},
                 "receivedByBranchOn": "2025-08-06"}
                """.formatted(ward));
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
        readyForDecision(memberId, branchId);
        expect(decideAdmission(memberId), 200);
        return expect(admit(memberId, "2025-08-19"), 200);
    }

    /**
     * The branch (stating its ledger roll, empty here) and the ward committee pass the recognition on 20 and 27 Aug of
     * {@code year}, just after a probation that ended on 19 Aug, and {@code wardId} recognises the member on
     * {@code decisionDate}.
     */
    Scenario recognised(String memberId, int year, String wardId, String decisionDate) {
        expect(step(memberId, "record-recognition-vote", """
                {"level": "BRANCH", "voteDate": "%d-08-20", "electorate": 0, "inFavour": 0, "against": 0,
                 "attemptNo": 1}
                """.formatted(year)), 200);
        expect(step(memberId, "record-recognition-vote", """
                {"level": "COMMITTEE", "voteDate": "%d-08-27", "electorate": 9, "inFavour": 7, "against": 1,
                 "attemptNo": 1}
                """.formatted(year)), 200);
        expect(step(memberId, "recognize-full-member", """
                {"decision": {"docNumber": "301-QĐ/ĐU", "docDate": "%s", "issuingOrgId": "%s"}}
                """.formatted(decisionDate, wardId)), 200);
        return this;
    }

    ResponseEntity<JsonNode> post(String path, String json) {
        return client.post().uri(path).body(json).retrieve().toEntity(JsonNode.class);
    }

    static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        return response.getBody();
    }
}
