package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * A clerk's mistakes corrected over HTTP (I30): a death keyed against the wrong member is annulled and a mistyped
 * date of death corrected, by new events naming the original's id. The log keeps both, the branch's roll takes the
 * member back, and the roster as of any date shows the corrected truth. Refusals answer 422 and leave the log as it was.
 */
class CorrectionsEndToEndTest extends RunningApplication {

    private static String deathRecorded(Scenario scenario, String memberId, String dateOfDeath) {
        JsonNode outcome = expect(scenario.step(memberId, "record-death", """
                {"dateOfDeath": "%s"}
                """.formatted(dateOfDeath)), 200);
        return outcome.get("eventIds").get(0).asText();
    }

    private static ResponseEntity<JsonNode> annul(Scenario scenario, String memberId, String eventId) {
        return scenario.step(memberId, "annul-entry", """
                {"eventId": "%s", "reason": "WRONG_MEMBER",
                 "decision": {"docNumber": "330-QĐ/ĐU", "docDate": "2026-11-21", "issuingOrgId": "%s"}}
                """.formatted(eventId, scenario.ward));
    }

    private static ResponseEntity<JsonNode> correctDate(Scenario scenario, String memberId, String eventId,
                                                        String correctedDate) {
        return scenario.step(memberId, "correct-entry-date", """
                {"eventId": "%s", "correctedDate": "%s", "reason": "WRONG_DATE",
                 "decision": {"docNumber": "331-QĐ/ĐU", "docDate": "2026-11-21", "issuingOrgId": "%s"}}
                """.formatted(eventId, correctedDate, scenario.ward));
    }

    private JsonNode rosterOf(Scenario scenario, String asOf) {
        return expect(board().get().uri("/api/v1/organisations/{id}/roster?asOf={asOf}", scenario.branch, asOf)
                .retrieve().toEntity(JsonNode.class), 200);
    }

    private void refusedLeavingTheLogAsItWas(ResponseEntity<JsonNode> response, String memberId, long logBefore) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo("I30");
        assertThat(eventsOf(memberId)).isEqualTo(logBefore);
    }

    @Test
    void aDeathKeyedAgainstTheWrongMemberIsAnnulledAndTheMemberNeverLeftTheRoster() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        String death = deathRecorded(scenario, memberId, "2026-11-20");

        expect(annul(scenario, memberId, death), 200);

        assertThat(eventTypesOf(memberId)).endsWith("MemberDeceased", "EntryAnnulled");
        assertThat(lastEventOf(memberId).get("payload", Document.class).getString("annulledEventId"))
                .isEqualTo(death);
        assertThat(eventTypesOf(scenario.branch)).endsWith("MemberReleased", "MemberEnrolled");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rosterOf(scenario, "2026-11-20").get("headcount").asInt())
                    .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 1);
            assertThat(Scenario.entryOf(rosterOf(scenario, "2026-11-22"), memberId).get("status").asText())
                    .isEqualTo("PROBATIONARY");
        });

        long logBefore = eventsOf(memberId);
        refusedLeavingTheLogAsItWas(annul(scenario, memberId, death), memberId, logBefore);
    }

    @Test
    void aMistypedDateOfDeathIsCorrectedAndTheRosterClosesOnTheCorrectedDate() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        scenario.admittedMember(memberId);
        String death = deathRecorded(scenario, memberId, "2026-11-20");

        long logBefore = eventsOf(memberId);
        refusedLeavingTheLogAsItWas(correctDate(scenario, memberId, death, "2025-08-01"), memberId, logBefore);

        expect(correctDate(scenario, memberId, death, "2026-11-10"), 200);

        assertThat(eventTypesOf(memberId)).endsWith("MemberDeceased", "EntryDateCorrected");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rosterOf(scenario, "2026-11-09").get("headcount").asInt())
                    .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 1);
            assertThat(rosterOf(scenario, "2026-11-10").get("headcount").asInt())
                    .isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER);
        });
    }
}
