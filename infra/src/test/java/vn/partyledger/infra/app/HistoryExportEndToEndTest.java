package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.checkpoint.Checkpoint;
import vn.partyledger.infra.checkpoint.MerkleHash;
import vn.partyledger.infra.checkpoint.ProofVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An auditor exports a member's history and an organisation's over business dates (ADR 0047): each file is checked in
 * Java (every event as stored, its stream's links, its inclusion proof against the file's checkpoint) and by the
 * independent Node.js verifier of docs/log-proofs.md §8, which also names each line of a tampered copy and what is
 * wrong with it. The HTML summary is served as HTML.
 */
class HistoryExportEndToEndTest extends RunningApplication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path exports;

    @BeforeAll
    static void directory() throws IOException {
        exports = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "exports-");
    }

    private RestClient auditor() {
        return as("auditor", "auditor-local-only");
    }

    @Test
    void aMembersHistoryAndAnOrganisationsRangeAreExportedWithProofsThatVerify() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = admittedAndCovered(scenario, "hx-");
        coveredByACheckpoint(scenario.ward);

        List<JsonNode> memberLines = exported("/api/v1/members/{id}/history", member);
        verifiedInJava(memberLines, storedEventsOf(member));
        List<JsonNode> wardLines = exported("/api/v1/organisations/{id}/history?from=2000-01-01&to=2100-12-31",
                                            scenario.ward);
        verifiedInJava(wardLines, storedEventsOf(scenario.ward));
        assertThat(wardLines.get(0).get("scope").get("from").asText()).isEqualTo("2000-01-01");
        List<JsonNode> narrow = exported("/api/v1/organisations/{id}/history?from=2000-01-03&to=2000-01-03",
                                         scenario.ward);
        assertThat(narrow.subList(1, narrow.size() - 1)).isNotEmpty().hasSizeLessThan(wardLines.size() - 2)
                .allSatisfy(line -> assertThat(line.get("businessDate").asText()).isEqualTo("2000-01-03"));

        assumeTrue(nodeAvailable(), "node is not installed: the independent verifier is not run");
        for (String file : List.of(save("member", member), save("ward", scenario.ward))) {
            Verdict verdict = node(Path.of(file));
            assertThat(verdict.code()).as(verdict.output()).isZero();
            assertThat(verdict.output()).contains("events: each hash recomputed").doesNotContain("FAIL");
        }
    }

    @Test
    void theIndependentVerifierNamesTheLineAndTheDamageOfATamperedExport() throws Exception {
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = admittedAndCovered(scenario, "ht-");
        assumeTrue(nodeAvailable(), "node is not installed: the independent verifier is not run");
        List<String> lines = Files.readAllLines(Path.of(save("member", member)));

        assertThat(tampered(lines, 2, line -> line.replace("\"payload\":{", "\"payload\":{\"forged\":true,")))
                .contains("FAIL line 2: event").contains("ALTERED");
        String hash = JSON.readTree(lines.get(2)).get("hash").asText();
        assertThat(tampered(lines, 3, line -> line.replace(hash, "0".repeat(64))))
                .contains("FAIL line 3: event").contains("ALTERED: its fields give hash " + hash);
        String step = JSON.readTree(lines.get(3)).get("auditPath").get(0).asText();
        assertThat(tampered(lines, 4, line -> line.replace(step, "f".repeat(64))))
                .contains("FAIL line 4: event").contains("NOT IN CHECKPOINT").doesNotContain("ALTERED");
        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(4);
        assertThat(verify(deleted)).contains("FAIL line 5: event").contains("DELETED: events 3 to 3")
                .contains("the end line counts");
        assertThat(verify(lines.subList(0, lines.size() - 1))).contains("the end line is missing");
        List<String> cutMidLine = new ArrayList<>(lines.subList(0, lines.size() - 1));
        String last = cutMidLine.remove(cutMidLine.size() - 1);
        cutMidLine.add(last.substring(0, last.indexOf("\"payload\"") + 20));
        assertThat(verify(cutMidLine)).contains("FAIL line " + cutMidLine.size() + ": not JSON")
                .contains("the end line is missing");
        String root = JSON.readTree(lines.get(0)).get("checkpoint").get("rootHash").asText();
        assertThat(tampered(lines, 1, line -> line.replace(root, "1".repeat(64))))
                .contains("NOT IN CHECKPOINT");
        assertThat(verify(lines)).contains("events: each hash recomputed").doesNotContain("FAIL");
    }

    /**
     * The running application signs nothing, so its checkpoint is signed here with the published test key of
     * docs/log-proof-vectors.json: the verifier checks it with the key kept, and names a signature that fails.
     */
    @Test
    void aSignedCheckpointIsCheckedWithTheKeyTheAuditorKeeps() throws Exception {
        String member = admittedAndCovered(new Scenario(board()).organisationTree(), "hk-");
        assumeTrue(nodeAvailable(), "node is not installed: the independent verifier is not run");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(save("member", member))));
        JsonNode testKey = JSON.readTree(Path.of("..", "docs", "log-proof-vectors.json").toFile()).get("checkpoint");
        ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
        ObjectNode checkpoint = (ObjectNode) header.get("checkpoint");
        String signedText = new Checkpoint(checkpoint.get("treeSize").asLong(), checkpoint.get("rootHash").asText(),
                                           checkpoint.get("lastPosition").asLong(),
                                           Instant.parse(checkpoint.get("recordedAt").asText()), null).signedText();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(testKey.get("testPrivateKey").asText()))));
        signer.update(signedText.getBytes(StandardCharsets.UTF_8));
        checkpoint.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        header.put("publicKey", testKey.get("publicKey").asText());
        lines.set(0, JSON.writeValueAsString(header));

        assertThat(verify(lines, testKey.get("publicKey").asText())).contains("ok   the checkpoint's signature "
                + "verifies with the key given").doesNotContain("FAIL");
        checkpoint.put("lastPosition", checkpoint.get("lastPosition").asLong() + 1);
        lines.set(0, JSON.writeValueAsString(header));
        assertThat(verify(lines, testKey.get("publicKey").asText()))
                .contains("FAIL the checkpoint's signature verifies with the key given");
    }

    @Test
    void theSummaryIsHtmlTheExportsAreDocumentedAndUnknownRecordsOrReversedDatesAreProblems() {
        Scenario scenario = new Scenario(board()).organisationTree();
        String member = admittedAndCovered(scenario, "hs-");

        ResponseEntity<String> summary = auditor().get().uri("/api/v1/members/{id}/history/summary", member)
                .retrieve().toEntity(String.class);
        assertThat(summary.getStatusCode().value()).isEqualTo(200);
        assertThat(MediaType.TEXT_HTML.isCompatibleWith(summary.getHeaders().getContentType())).isTrue();
        assertThat(summary.getBody()).startsWith("<!DOCTYPE html>").contains("History of member " + member)
                .contains("MemberAdmitted").contains("Covered by checkpoint")
                .contains("<td>board (ORGANISATION_BOARD)</td><td>central</td>").contains("docNumber: 215-QĐ/ĐU");
        ResponseEntity<String> wardSummary = auditor().get()
                .uri("/api/v1/organisations/{id}/history/summary?from=2000-01-01&to=2100-12-31", scenario.ward)
                .retrieve().toEntity(String.class);
        assertThat(wardSummary.getBody()).contains("OrganisationEstablished");

        JsonNode documented = apiDocument().get("paths");
        for (String path : List.of("/api/v1/members/{memberId}/history", "/api/v1/organisations/{orgId}/history")) {
            JsonNode content = documented.get(path).get("get").get("responses").get("200").get("content");
            assertThat(content.get("application/x-ndjson").toString()).as(path).contains("partyledger/export/v1");
            assertThat(content.has("text/html")).as(path).isTrue();
            assertThat(documented.has(path + "/summary")).as(path).isTrue();
        }

        ResponseEntity<JsonNode> unknown = auditor().get().uri("/api/v1/members/no-such-member/history").retrieve()
                .toEntity(JsonNode.class);
        ResponseEntity<JsonNode> notAnOrganisation = auditor().get()
                .uri("/api/v1/organisations/{id}/history?from=2000-01-01&to=2001-01-01", member).retrieve()
                .toEntity(JsonNode.class);
        ResponseEntity<JsonNode> reversed = auditor().get()
                .uri("/api/v1/organisations/{id}/history?from=2001-01-01&to=2000-01-01", scenario.ward).retrieve()
                .toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(notAnOrganisation.getStatusCode().value()).isEqualTo(404);
        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getBody().path("errors").get(0).path("field").asText()).isEqualTo("to");
        for (ResponseEntity<JsonNode> problem : List.of(unknown, notAnOrganisation, reversed)) {
            assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(problem.getHeaders().getContentType()))
                    .isTrue();
        }
    }

    @Test
    void theMembersNameIsGivenWithAStatedPurposeAndTheReadIsRecordedInTheAccessAudit() throws Exception {
        String member = admittedAndCovered(new Scenario(board()).organisationTree(), "hn-");
        String person = Scenario.personOf(member);

        assertThat(exported("/api/v1/members/{id}/history", member).get(0).get("names").isNull()).isTrue();
        assertThat(accessAudit(person)).as("an export without names reads and records none").isEmpty();
        ResponseEntity<JsonNode> noPurpose = auditor().get().uri("/api/v1/members/{id}/history?names=true", member)
                .retrieve().toEntity(JsonNode.class);
        assertThat(noPurpose.getStatusCode().value()).isEqualTo(400);
        assertThat(noPurpose.getBody().path("errors").get(0).path("field").asText()).isEqualTo("purpose");

        JsonNode header = exported("/api/v1/members/{id}/history?names=true&purpose=INSPECTION", member).get(0);
        assertThat(header.get("names").get(person).asText()).isEqualTo("Nguyễn Văn " + person);
        String page = auditor().get().uri("/api/v1/members/{id}/history/summary?names=true&purpose=INSPECTION",
                                          member).retrieve().toEntity(String.class).getBody();
        assertThat(page).contains("Nguyễn Văn " + person);
        JsonNode audit = accessAudit(person);
        assertThat(audit).hasSize(2);
        audit.forEach(read -> {
            assertThat(read.get("data").asText()).isEqualTo("NAME_IN_EXPORT");
            assertThat(read.get("purpose").asText()).isEqualTo("INSPECTION");
            assertThat(read.get("userId").asText()).isEqualTo("auditor");
        });
    }

    private JsonNode accessAudit(String personId) {
        return Scenario.expect(as("security-officer", "security-officer-local-only").get()
                .uri("/api/v1/access-audit?personId={id}", personId).retrieve().toEntity(JsonNode.class), 200);
    }

    /** A member admitted in the scenario's branch, whose every event a checkpoint covers. */
    private String admittedAndCovered(Scenario scenario, String prefix) {
        String member = prefix + scenario.suffix;
        scenario.admittedMember(member);
        coveredByACheckpoint(member);
        return member;
    }

    /** Waits until a checkpoint covers the record's last event, so that an export of it holds every one. */
    private void coveredByACheckpoint(String recordId) {
        String eventId = lastEventOf(recordId).getString("eventIdentifier");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
               .until(() -> auditor().get().uri("/api/v1/proofs/inclusion?eventId={id}", eventId).retrieve()
                                     .toBodilessEntity().getStatusCode().value() == 200);
    }

    private String body(String uri, String id) {
        ResponseEntity<String> response = auditor().get().uri(uri, id).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(MediaType.APPLICATION_NDJSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        return response.getBody();
    }

    private List<JsonNode> exported(String uri, String id) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body(uri, id).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /**
     * The Java side of §8.3: the header names a checkpoint; each event line is the stored event, in stream order,
     * linked to the one before, and proved into the checkpoint's root; the end line counts them.
     */
    private static void verifiedInJava(List<JsonNode> lines, List<Document> stored) {
        JsonNode header = lines.get(0);
        JsonNode checkpoint = header.get("checkpoint");
        assertThat(header.get("format").asText()).isEqualTo("partyledger/export/v1");
        List<JsonNode> events = lines.subList(1, lines.size() - 1);
        JsonNode end = lines.get(lines.size() - 1);
        assertThat(end.get("type").asText()).isEqualTo("end");
        assertThat(end.get("events").asLong()).isEqualTo(events.size());
        assertThat(events).isNotEmpty();
        String previous = null;
        for (JsonNode event : events) {
            Document same = stored.get(event.get("sequenceNumber").asInt());
            assertThat(event.get("eventIdentifier").asText()).isEqualTo(same.getString("eventIdentifier"));
            assertThat(event.get("hash").asText()).isEqualTo(same.getString("hash"));
            if (previous != null) {
                assertThat(event.get("previousHash").asText()).isEqualTo(previous);
            }
            List<byte[]> path = new ArrayList<>();
            event.get("auditPath").forEach(step -> path.add(MerkleHash.bytes(step.asText())));
            assertThat(ProofVerifier.inclusion(event.get("leafIndex").asLong(), checkpoint.get("treeSize").asLong(),
                                               MerkleHash.ofEvent(event.get("hash").asText()), path,
                                               MerkleHash.bytes(checkpoint.get("rootHash").asText()))).isTrue();
            previous = event.get("hash").asText();
        }
    }

    private String save(String name, String id) throws IOException {
        String uri = name.equals("member") ? "/api/v1/members/{id}/history"
                : "/api/v1/organisations/{id}/history?from=2000-01-01&to=2100-12-31";
        Path file = exports.resolve(name + "-" + id + ".jsonl");
        Files.writeString(file, body(uri, id), StandardCharsets.UTF_8);
        return file.toString();
    }

    private String tampered(List<String> lines, int lineNumber, UnaryOperator<String> change) throws Exception {
        List<String> copy = new ArrayList<>(lines);
        String changed = change.apply(copy.get(lineNumber - 1));
        assertThat(changed).as("the tampering changes line %d", lineNumber).isNotEqualTo(copy.get(lineNumber - 1));
        copy.set(lineNumber - 1, changed);
        return verify(copy);
    }

    private String verify(List<String> lines, String... key) throws Exception {
        Path file = Files.createTempFile(exports, "tampered-", ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Verdict verdict = node(file, key);
        boolean clean = !verdict.output().contains("FAIL");
        assertThat(verdict.code()).as(verdict.output()).isEqualTo(clean ? 0 : 1);
        return verdict.output();
    }

    private record Verdict(int code, String output) {
    }

    /** The verifier's exit code and output on the file, with the key kept when one is given. */
    private static Verdict node(Path file, String... key) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", Path.of("..", "docs", "log-proof-check.js").toString(),
                                                        "--export", file.toString()));
        for (String kept : key) {
            command.addAll(List.of("--key", kept));
        }
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Verdict(node.waitFor(), output);
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
