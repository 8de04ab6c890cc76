package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The access audit over HTTP (domain.md §15.2 rule 6): a read of personal data names its purpose and is recorded —
 * who, in which role, for which organisation, when, whose data, why — and only the security officer can see that.
 */
class AccessAuditEndToEndTest extends RunningApplication {

    private RestClientAs securityOfficer() {
        return new RestClientAs(as("security-officer", "security-officer-local-only"));
    }

    /** A client with the one call these tests make, so each read below says plainly who reads. */
    private record RestClientAs(org.springframework.web.client.RestClient client) {

        ResponseEntity<JsonNode> get(String uri, Object... variables) {
            return client.get().uri(uri, variables).retrieve().toEntity(JsonNode.class);
        }
    }

    private String registeredPerson(Scenario scenario) {
        String personId = "pa-" + scenario.suffix;
        expect(scenario.registerPerson(personId, LocalDate.of(1990, 5, 19)), 201);
        return personId;
    }

    @Test
    void aReadOfPersonalDataIsRecordedWithWhoWhenWhoseAndWhyAndOnlyTheSecurityOfficerSeesIt() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = registeredPerson(scenario);

        ResponseEntity<JsonNode> read = new RestClientAs(board()).get(
                "/api/v1/persons/{id}?purpose=VERIFICATION", personId);
        assertThat(read.getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> audit = securityOfficer().get("/api/v1/access-audit?personId={id}", personId);
        assertThat(audit.getStatusCode().value()).isEqualTo(200);
        assertThat(audit.getBody()).hasSize(1);
        JsonNode entry = audit.getBody().get(0);
        assertThat(entry.get("userId").asText()).isEqualTo("board");
        assertThat(entry.get("role").asText()).isEqualTo("ORGANISATION_BOARD");
        assertThat(entry.get("actingForOrgId").asText()).isNotBlank();
        assertThat(entry.get("personId").asText()).isEqualTo(personId);
        assertThat(entry.get("data").asText()).isEqualTo("PERSONAL_DATA");
        assertThat(entry.get("purpose").asText()).isEqualTo("VERIFICATION");
        assertThat(entry.get("at").asText()).isNotBlank();

        for (RestClientAs other : new RestClientAs[]{new RestClientAs(board()), new RestClientAs(as("auditor", "auditor-local-only"))}) {
            ResponseEntity<JsonNode> refused = other.get("/api/v1/access-audit?personId={id}", personId);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);
            assertThat(refused.getBody().get("code").asText()).isEqualTo("ROLE_NOT_PERMITTED");
        }
    }

    @Test
    void aReadThatStatesNoPurposeIsRefusedAndNothingIsRecorded() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = registeredPerson(scenario);

        ResponseEntity<JsonNode> read = new RestClientAs(board()).get("/api/v1/persons/{id}", personId);

        assertThat(read.getStatusCode().value()).isEqualTo(400);
        assertThat(securityOfficer().get("/api/v1/access-audit?personId={id}", personId).getBody()).isEmpty();
    }

    @Test
    void aReadTheCallerMayNotMakeRevealsNothingAndIsNotRecordedAsARead() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "ma-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);
        String personId = Scenario.personOf(memberId);

        // the candidate's branch is another tree's, outside the secretary's own branch
        ResponseEntity<JsonNode> read = new RestClientAs(secretary()).get("/api/v1/persons/{id}?purpose=CASE_WORK",
                personId);

        assertThat(read.getStatusCode().value()).isEqualTo(403);
        assertThat(read.getBody().get("code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(read.getBody().toString()).doesNotContain("fullName");
        assertThat(securityOfficer().get("/api/v1/access-audit?personId={id}", personId).getBody()).isEmpty();
    }

    @Test
    void aPersonOnNoRecordYetIsReadOnlyWhereTheyWereRegistered() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = registeredPerson(scenario);

        ResponseEntity<JsonNode> read = new RestClientAs(secretary()).get("/api/v1/persons/{id}?purpose=CASE_WORK",
                personId);

        assertThat(read.getStatusCode().value()).isEqualTo(403);
        assertThat(read.getBody().get("code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(new RestClientAs(board()).get("/api/v1/persons/{id}?purpose=CASE_WORK", personId)
                .getStatusCode().value()).isEqualTo(200);
    }
}
