package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Erasure by crypto-shredding over HTTP (issue 9 item 4): executed for a person whose data nothing retains — the key
 * and every encrypted version are gone, the national ID is free, reads answer 410, and the person's chain in the log still verifies —
 * and refused with its basis while the person's member record is live; the sensitive facts events carry are sealed
 * with the same key, so they are never stored in plain and read as ERASED afterwards (item 3, ADR 0023).
 */
class ErasureEndToEndTest extends RunningApplication {

    @Autowired
    MongoEventStorageEngine engine;

    private static final LocalDate ASKED = LocalDate.of(2026, 11, 2);

    private ResponseEntity<JsonNode> requestErasure(Scenario scenario, String personId) {
        return scenario.post("/api/v1/persons/" + personId + "/request-erasure", """
                {"requestedOn": "%s"}""".formatted(ASKED));
    }

    @Test
    void anErasedPersonsDataIsGoneForGoodAndTheLogStillVerifies() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = "pe-" + scenario.suffix;
        expect(scenario.registerPerson(personId, LocalDate.of(1990, 5, 19)), 201);
        Document entry = database.getCollection("person_register").find(new Document("_id", personId)).first();
        assertThat(entry.get("dataKey")).isNotNull();

        ResponseEntity<JsonNode> erased = requestErasure(scenario, personId);

        assertThat(erased.getStatusCode().value()).isEqualTo(200);
        assertThat(erased.getBody().get("decision").asText()).isEqualTo("ErasureExecuted");
        Document shredded = database.getCollection("person_register").find(new Document("_id", personId)).first();
        assertThat(shredded.get("dataKey")).isNull();
        assertThat(shredded.getList("versions", Document.class)).isEmpty();
        assertThat(database.getCollection("national_id_claims").countDocuments(new Document("personId", personId)))
                .isZero();
        ResponseEntity<JsonNode> read = board().get().uri("/api/v1/persons/{id}?purpose=CASE_WORK", personId)
                .retrieve().toEntity(JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(410);
        assertThat(read.getBody().get("code").asText()).isEqualTo("ERASED");
        assertThat(scenario.post("/api/v1/persons/" + personId + "/correct-personal-data", """
                {"changes": {"fullName": "Tên mới"}, "reason": "ENTRY_ERROR", "effectiveDate": "%s"}"""
                .formatted(ASKED)).getStatusCode().value()).isEqualTo(410);
        // the person's own chain: the whole log is shared with tests that rewrite stored events on purpose
        assertThat(engine.verifyChain(personId).valid()).isTrue();
    }

    @Test
    void anErasureIsRefusedWithItsBasisWhileThePersonsMemberRecordIsLive() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "me-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);
        String personId = Scenario.personOf(memberId);

        ResponseEntity<JsonNode> refused = requestErasure(scenario, personId);

        assertThat(refused.getStatusCode().value()).isEqualTo(200);
        assertThat(refused.getBody().get("decision").asText()).isEqualTo("ErasureRefused");
        assertThat(refused.getBody().at("/details/basis").asText()).isEqualTo("MEMBER_RECORD_LIVE");
        assertThat(refused.getBody().at("/details/memberId").asText()).isEqualTo(memberId);
        assertThat(database.getCollection("person_register").find(new Document("_id", personId)).first()
                .get("erasurePending")).as("the request's mark, settled by the log's refusal").isNull();
        assertThat(board().get().uri("/api/v1/persons/{id}?purpose=CASE_WORK", personId).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    /**
     * The sensitive facts the candidate's record carries (the source that tells religion, a free-text reason that
     * tells of illness) are never stored in plain: not before the erasure, not after. After it they read as ERASED
     * through the application's own log, and both chains still verify.
     */
    @Test
    void aPersonsSensitiveFactsAreNeverStoredInPlainAndReadAsErasedOnceTheKeyIsDestroyed() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "me-" + scenario.suffix;
        String personId = "pe-" + scenario.suffix;
        String illness = "điều trị lao phổi dài ngày " + scenario.suffix;
        expect(scenario.registerPerson(personId, LocalDate.of(1990, 5, 19)), 201);
        JsonNode registered = expect(scenario.post("/api/v1/members/" + memberId + "/register-candidate", """
                {"personId": "%s", "branchId": "%s", "source": "RELIGIOUS_BELIEVER", "registeredOn": "2026-03-02"}
                """.formatted(personId, scenario.branch)), 201);
        JsonNode withdrawn = expect(scenario.step(memberId, "withdraw-application", """
                {"withdrawnOn": "2026-06-01", "reason": "%s"}""".formatted(illness)), 200);
        String registration = registered.get("eventIds").get(0).asText();
        String withdrawal = withdrawn.get("eventIds").get(0).asText();
        assertThat(((OutstandingCandidateRegistered) loggedPayload(memberId, registration)).source().value())
                .isEqualTo(CandidateSource.RELIGIOUS_BELIEVER);
        assertThat(((ApplicationWithdrawn) loggedPayload(memberId, withdrawal)).reason().value()).isEqualTo(illness);
        assertThat(documentsMentioning(illness)).as("the free-text reason, in any stored document").isEmpty();
        assertThat(payloadOf(registration).toJson()).doesNotContain("RELIGIOUS");

        ResponseEntity<JsonNode> erased = requestErasure(scenario, personId);

        assertThat(erased.getBody().get("decision").asText()).isEqualTo("ErasureExecuted");
        OutstandingCandidateRegistered registrationAfter =
                (OutstandingCandidateRegistered) loggedPayload(memberId, registration);
        ApplicationWithdrawn withdrawalAfter = (ApplicationWithdrawn) loggedPayload(memberId, withdrawal);
        assertThat(registrationAfter.source().shown()).isEqualTo(Sensitive.ERASED);
        assertThat(withdrawalAfter.reason().shown()).isEqualTo(Sensitive.ERASED);
        assertThat(documentsMentioning(illness)).isEmpty();
        assertThat(engine.verifyChain(memberId).valid()).isTrue();
        assertThat(engine.verifyChain(personId).valid()).isTrue();
    }

    /** Every stored document of every collection whose JSON contains the text, read as an outside client would. */
    private List<String> documentsMentioning(String text) {
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                if (document.toJson().contains(text)) {
                    found.add(collection + " " + document.get("_id"));
                }
            }
        }
        return found;
    }
}
