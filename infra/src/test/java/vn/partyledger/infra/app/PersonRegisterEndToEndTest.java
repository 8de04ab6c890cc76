package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * The person register over HTTP (ADR 0022): personal data never reach the log or the database in plain text, a
 * national ID is registered once, and a person has one live member record (I3).
 */
class PersonRegisterEndToEndTest extends RunningApplication {

    private static final String NAME = "Trần Thị Hồng Nhung";
    private static final LocalDate BORN = LocalDate.of(1993, 7, 21);

    private static String person(String personId, String nationalId, String dateOfBirth) {
        return """
                {"fullName": "%s", "dateOfBirth": "%s", "gender": "FEMALE", "ethnicity": "01",
                 "religion": "BUDDHISM", "generalEducation": "UPPER_SECONDARY", "nationalId": "%s"}
                """.formatted(NAME + " " + personId, dateOfBirth, nationalId);
    }

    /** Every document of the log and of the register, as an outside client reading the database sees it. */
    private List<String> storedDocuments() {
        List<String> documents = new ArrayList<>();
        for (String collection : List.of("event_commits", "person_register")) {
            // binary values (ciphertext, wrapped keys) left out: their base64 holds a name's word by chance now and
            // then ("…ANhungmc…" failed a run), and plaintext stored as binary would not show in it either
            database.getCollection(collection).find().forEach(document -> documents.add(document.toJson()
                    .replaceAll("\"base64\": \"[^\"]*\"", "\"base64\": \"\"")));
        }
        return documents;
    }

    @Test
    void personalDataAreStoredEncryptedAndNeverInTheLog() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = "p-" + scenario.suffix;
        String nationalId = Scenario.nextNationalId();

        expect(scenario.post("/api/v1/persons/" + personId + "/register", person(personId, nationalId,
                BORN.toString())), 201);

        assertThat(database.getCollection("person_register").countDocuments(new Document("_id", personId)))
                .isOne();
        assertThat(storedDocuments()).noneMatch(document -> document.contains(NAME) || document.contains(nationalId)
                || document.contains(BORN.toString()) || document.contains("Nhung"));
        Document registered = storedEventsOf(personId).get(0);
        assertThat(registered.getString("payloadType")).endsWith("PersonRegistered");
        JsonNode read = board().get().uri("/api/v1/persons/{id}?purpose=CASE_WORK", personId).retrieve()
                .body(JsonNode.class);
        assertThat(read.get("fullName").asText()).isEqualTo(NAME + " " + personId);
        assertThat(read.get("nationalId").asText()).isEqualTo(nationalId);
    }

    @Test
    void aNationalIdIsRegisteredOnce() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String nationalId = Scenario.nextNationalId();
        expect(scenario.post("/api/v1/persons/p1-" + scenario.suffix + "/register",
                person("p1-" + scenario.suffix, nationalId, BORN.toString())), 201);

        ResponseEntity<JsonNode> again = scenario.post("/api/v1/persons/p2-" + scenario.suffix + "/register",
                person("p2-" + scenario.suffix, nationalId, BORN.toString()));

        assertThat(expect(again, 409).get("code").asText()).isEqualTo("NATIONAL_ID_ALREADY_REGISTERED");
        assertThat(storedEventsOf("p2-" + scenario.suffix)).isEmpty();
        assertThat(database.getCollection("person_register")
                .countDocuments(new Document("_id", "p2-" + scenario.suffix))).isZero();
    }

    @Test
    void badPersonalDataAnswers400() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = "p-" + scenario.suffix;
        for (String body : List.of(
                person(personId, Scenario.nextNationalId(), LocalDate.now().plusDays(2).toString()),
                person(personId, Scenario.nextNationalId(), "1899-12-31"),
                person(personId, Scenario.nextNationalId(), "1993-02-30"),
                person(personId, "12345", BORN.toString()),
                person(personId, Scenario.nextNationalId(), BORN.toString()).replace("FEMALE", "UNKNOWN"),
                person(personId, Scenario.nextNationalId(), BORN.toString()).replace("\"01\"", "\"99\""))) {
            ResponseEntity<JsonNode> response = scenario.post("/api/v1/persons/" + personId + "/register", body);
            assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(response.getBody().get("code").asText()).isEqualTo("INVALID_INPUT");
        }
        assertThat(storedEventsOf(personId)).isEmpty();
    }

    @Test
    void aPersonWithALiveMemberRecordCannotBeRegisteredAsACandidateUnderAnotherMemberId() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String memberId = "m-" + scenario.suffix;
        expect(scenario.registerCandidate(memberId), 201);

        ResponseEntity<JsonNode> second = scenario.post("/api/v1/members/m2-" + scenario.suffix
                + "/register-candidate", """
                {"personId": "%s", "branchId": "%s", "source": "RESIDENT", "registeredOn": "2025-03-03"}
                """.formatted(Scenario.personOf(memberId), scenario.branch));

        JsonNode problem = expect(second, 422);
        assertThat(problem.get("code").asText()).isEqualTo("I3");
        assertThat(problem.get("detail").asText()).contains(memberId);
        assertThat(storedEventsOf("m2-" + scenario.suffix)).isEmpty();
    }

    @Test
    void aDateOfBirthCorrectedAsAChangeOfCircumstancesIsRefusedAndTheRegisterKeepsTheOldOne() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String personId = "p-" + scenario.suffix;
        expect(scenario.post("/api/v1/persons/" + personId + "/register", person(personId,
                Scenario.nextNationalId(), BORN.toString())), 201);

        ResponseEntity<JsonNode> refused = scenario.post("/api/v1/persons/" + personId + "/correct-personal-data", """
                {"changes": {"dateOfBirth": "1990-01-02"}, "reason": "CHANGE_OF_CIRCUMSTANCES",
                 "effectiveDate": "2026-01-05"}""");

        assertThat(expect(refused, 422).get("code").asText()).isEqualTo("DATE_OF_BIRTH_FOR_EVERY_DATE");
        assertThat(storedEventsOf(personId)).hasSize(1);
        assertThat(board().get().uri("/api/v1/persons/{id}?purpose=CASE_WORK", personId).retrieve()
                .body(JsonNode.class).get("dateOfBirth").asText()).isEqualTo(BORN.toString());
    }

    @Test
    void readingAPersonsDataRequiresAuthentication() {
        ResponseEntity<JsonNode> response = anonymous().get().uri("/api/v1/persons/p-anyone").retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }
}
