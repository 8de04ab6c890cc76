package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.decision;

/**
 * Organisations, members and transfer cases share one id space chosen by clients: a command naming the id of another
 * kind of record finds no record of its own kind, which answers as a record out of the caller's scope would (403,
 * ADR 0021), and one that would create a record under such an id finds the id taken (409). Either way nothing is
 * written.
 */
class ForeignIdsTest extends RunningApplication {

    @Autowired
    EventStore eventStore;

    @Test
    void aMemberCommandOnAnOrganisationsIdFindsNoMember() {
        Scenario scenario = new Scenario(board()).organisationTree();

        assertRefusedWritingNothing(403, () -> scenario.step(scenario.ward, "record-awareness-course", """
                {"certificateNo": "GCN-1", "issuerOrgId": "%s", "issueDate": "2025-01-02"}
                """.formatted(scenario.ward)));
    }

    @Test
    void anOrganisationCommandOnAMembersIdFindsNoOrganisation() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.expect(scenario.registerCandidate(memberId), 201);

        assertRefusedWritingNothing(403, () -> scenario.post("/api/v1/organisations/" + memberId + "/rename", """
                {"newName": "Chi bộ mới", "effectiveDate": "2025-07-01", "decision": %s}
                """.formatted(decision("1-QĐ/ĐU", "2025-06-30", scenario.ward))));
    }

    @Test
    void aTransferCommandOnAMembersIdFindsNoTransferCase() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.expect(scenario.registerCandidate(memberId), 201);

        assertRefusedWritingNothing(403, () -> scenario.presentTransferLetter(memberId, scenario.branch, "2025-09-10"));
    }

    @Test
    void registeringACandidateUnderAnOrganisationsIdFindsTheIdTaken() {
        Scenario scenario = new Scenario(board()).organisationTree();
        scenario.personOfTheCandidateIsRegistered(scenario.ward, scenario.admissionIn(scenario.branch));

        assertRefusedWritingNothing(409, () -> scenario.registerCandidate(scenario.ward));
    }

    @Test
    void establishingAnOrganisationUnderAMembersIdFindsTheIdTaken() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        Scenario.expect(scenario.registerCandidate(memberId), 201);

        assertRefusedWritingNothing(409, () -> scenario.post("/api/v1/organisations/" + memberId + "/establish", """
                {"name": "Chi bộ Khu phố 9", "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL",
                 "parentOrgId": "%s", "foundingFullMembers": 3, "effectiveDate": "2020-01-02", "decision": %s}
                """.formatted(scenario.ward, decision("9-QĐ/ĐU", "2020-01-02", scenario.ward))));
    }

    /** The letter would also open the transfer on the member: that half of the append must not be stored either. */
    @Test
    void issuingATransferLetterUnderTheMembersOwnIdFindsTheIdTaken() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String otherBranch = scenario.secondBranch();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);

        assertRefusedWritingNothing(409,
                () -> scenario.issueTransferLetter(memberId, memberId, "OFFICIAL", otherBranch, null));
    }

    private void assertRefusedWritingNothing(int status, Supplier<ResponseEntity<JsonNode>> request) {
        try (AppendedEvents appended = new AppendedEvents(eventStore)) {
            ResponseEntity<JsonNode> response = request.get();

            assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(appended.since(0)).isEmpty();
        }
    }
}
