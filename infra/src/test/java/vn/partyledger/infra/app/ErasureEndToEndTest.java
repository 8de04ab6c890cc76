package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.partyledger.infra.eventstore.MongoEventStorageEngine;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Erasure by crypto-shredding over HTTP (issue 9 item 4): executed for a person whose data nothing retains — the key
 * and every encrypted version are gone, the national ID is free, reads answer 410, and the person's chain in the log still verifies —
 * and refused with its basis while the person's member record is live.
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
}
