package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.integration.IntegrationProperties;
import vn.partyledger.infra.integration.inbound.InboundProperties;
import vn.partyledger.infra.kafka.KafkaEndpoint;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/**
 * Bad input is a 4xx, never a 500 and never a write (issue 7, point 10): every POST of the published OpenAPI document
 * is sent the malformed variants {@link MalformedRequests} generates from its schema, against a store holding an
 * organisation tree, an admitted member, an open transfer case and a letter from another province, so that ids of
 * another kind of record are real.
 */
class MalformedRequestsTest extends RunningApplication {

    @Autowired
    EventStore eventStore;

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    InboundProperties inbound;

    @Autowired
    IntegrationProperties integration;

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
        String incomingId = "in-" + scenario.suffix;
        try (OtherProvince haNoi = new OtherProvince(kafka.bootstrapServers(), inbound.topic(),
                "urn:partyledger:province:hn", integration.source(), "vn.partyledger.member.transfer-letter-sent.v1")) {
            haNoi.send("hn-" + memberId, OtherProvince.letter("hn-" + memberId, incomingId, scenario.branch,
                    LocalDate.of(2026, 11, 2)));
        } catch (Exception e) {
            throw new IllegalStateException("the letter from Hà Nội was not sent", e);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> eventsOf(incomingId) > 0);
        return Map.of("organisations", scenario.branch, "members", memberId, "transfers", transferId,
                "persons", Scenario.personOf(memberId), "incoming-transfers", incomingId);
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
