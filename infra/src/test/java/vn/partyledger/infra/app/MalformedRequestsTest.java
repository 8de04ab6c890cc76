package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Bad input is a 4xx, never a 500 and never a write (issue 7, point 10): every POST of the published OpenAPI document
 * is sent the malformed variants {@link MalformedRequests} generates from its schema, against a store holding an
 * organisation tree, an admitted member and an open transfer case, so that ids of another kind of record are real.
 */
class MalformedRequestsTest extends RunningApplication {

    @Autowired
    EventStore eventStore;

    @Test
    void everyCommandRefusesMalformedInputWithA4xxAndWritesNothing() {
        Scenario scenario = new Scenario(board()).organisationTree();
        JsonNode document = apiDocument();
        MalformedRequests malformed = new MalformedRequests(document.at("/components/schemas"),
                existingRecords(scenario), "unknown-" + scenario.suffix);
        RestClient client = board();
        Map<Integer, Integer> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        try (AppendedEvents appended = new AppendedEvents(eventStore)) {
            commandOperations(document).forEach((path, operation) -> {
                for (MalformedRequests.Request request : malformed.of(path, operation)) {
                    int before = appended.count();
                    int status = send(client, request).getStatusCode().value();
                    answers.merge(status, 1, Integer::sum);
                    List<String> written = appended.since(before);
                    // The caller is authenticated: a 401 would tell it to fix its credentials, not its input.
                    if (status < 400 || status >= 500 || status == 401 || !written.isEmpty()) {
                        failures.add("POST %s with %s answered %d%s".formatted(request.path(), request.flaw(), status,
                                written.isEmpty() ? "" : " and wrote " + written));
                    }
                }
            });
        }

        System.out.printf("Malformed requests: %d sent to %d operations; answers by status: %s%n",
                answers.values().stream().mapToInt(Integer::intValue).sum(), commandOperations(document).size(),
                answers);
        assertThat(failures).as("malformed requests that were not refused with a 4xx, or wrote").isEmpty();
    }

    /** One record of each kind, by the resource its commands are posted to. */
    private Map<String, String> existingRecords(Scenario scenario) {
        String memberId = "m-" + scenario.suffix;
        String transferId = "t-" + scenario.suffix;
        String otherBranch = scenario.secondBranch();
        scenario.admittedMember(memberId);
        expect(scenario.issueTransferLetter(transferId, memberId, "TEMPORARY", otherBranch, "2026-03-03"), 201);
        expect(scenario.presentTransferLetter(transferId, otherBranch, "2025-09-10"), 200);
        return Map.of("organisations", scenario.branch, "members", memberId, "transfers", transferId,
                "persons", Scenario.personOf(memberId));
    }

    private ResponseEntity<String> send(RestClient client, MalformedRequests.Request request) {
        return client.post()
                .uri(URI.create("http://localhost:" + port + request.path()))
                .contentType(MediaType.parseMediaType(request.contentType()))
                .headers(headers -> request.headers().forEach(headers::set))
                .body(request.body())
                .retrieve()
                .toEntity(String.class);
    }
}
