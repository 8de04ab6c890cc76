package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed-000-like steps of the first decision path, with ids unique to one test. */
final class Scenario {

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
        return post("/api/v1/members/" + memberId + "/register-candidate", """
                {"personId": "person-%s", "branchId": "%s", "source": "YOUTH_UNION", "registeredOn": "2025-03-03"}
                """.formatted(memberId, branch));
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

    /** Registers, decides and admits: the admission's outcome. */
    JsonNode admittedMember(String memberId) {
        expect(registerCandidate(memberId), 201);
        expect(decideAdmission(memberId), 200);
        return expect(admit(memberId, "2025-08-19"), 200);
    }

    ResponseEntity<JsonNode> post(String path, String json) {
        return client.post().uri(path).body(json).retrieve().toEntity(JsonNode.class);
    }

    static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        return response.getBody();
    }
}
