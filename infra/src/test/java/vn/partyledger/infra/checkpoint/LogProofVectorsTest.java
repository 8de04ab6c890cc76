package vn.partyledger.infra.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of docs/log-proofs.md (docs/log-proof-vectors.json, also checked by docs/log-proof-check.js) hold
 * for the code, and proofs of every shape verify against roots computed straight from RFC 9162's definition while a
 * tampered leaf or a rewritten checkpoint does not.
 */
class LogProofVectorsTest {

    private static final JsonNode VECTORS = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Path.of("..", "docs", "log-proof-vectors.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReferenceTreeOfCertificateTransparencyHasItsPublishedRoots() {
        CompactRange tree = CompactRange.of(0, List.of());
        JsonNode reference = VECTORS.get("referenceTree");
        for (int i = 0; i < reference.get("leaves").size(); i++) {
            tree.append(MerkleHash.leaf(HexFormat.of().parseHex(reference.get("leaves").get(i).asText())));
            assertThat(MerkleHash.hex(tree.root())).as("root of %d leaves", i + 1)
                                                   .isEqualTo(reference.get("roots").get(i).asText());
        }
    }

    @Test
    void theLogsLeavesAndRootsAreTheVectors() {
        List<byte[]> leaves = vectorLeaves();
        CompactRange tree = CompactRange.of(0, List.of());
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(MerkleHash.hex(leaves.get(i))).isEqualTo(text("log", "leafHashes", i));
            tree.append(leaves.get(i));
            assertThat(MerkleHash.hex(tree.root())).isEqualTo(text("log", "roots", i));
        }
    }

    @Test
    void inclusionProofsAreTheVectorsAndVerifyUntilALeafIsTampered() {
        List<byte[]> leaves = vectorLeaves();
        Map<String, byte[]> nodes = nodesOf(leaves);
        for (JsonNode vector : VECTORS.get("inclusionProofs")) {
            long leaf = vector.get("leafIndex").asLong();
            long size = vector.get("treeSize").asLong();
            List<byte[]> path = hashes(ProofShape.inclusion(leaf, size), nodes);
            assertThat(path.stream().map(MerkleHash::hex).toList()).isEqualTo(strings(vector.get("auditPath")));
            byte[] root = MerkleHash.bytes(text("log", "roots", (int) size - 1));
            assertThat(ProofVerifier.inclusion(leaf, size, leaves.get((int) leaf), path, root)).isTrue();
            assertThat(ProofVerifier.inclusion(leaf, size, tampered(leaves.get((int) leaf)), path, root)).isFalse();
        }
    }

    @Test
    void consistencyProofsAreTheVectorsAndFailForARewrittenCheckpoint() {
        Map<String, byte[]> nodes = nodesOf(vectorLeaves());
        for (JsonNode vector : VECTORS.get("consistencyProofs")) {
            long first = vector.get("first").asLong();
            long second = vector.get("second").asLong();
            List<byte[]> proof = hashes(ProofShape.consistency(first, second), nodes);
            assertThat(proof.stream().map(MerkleHash::hex).toList()).isEqualTo(strings(vector.get("proof")));
            byte[] firstRoot = MerkleHash.bytes(text("log", "roots", (int) first - 1));
            byte[] secondRoot = MerkleHash.bytes(text("log", "roots", (int) second - 1));
            assertThat(ProofVerifier.consistency(first, second, proof, firstRoot, secondRoot)).isTrue();
            assertThat(ProofVerifier.consistency(first, second, proof, tampered(firstRoot), secondRoot)).isFalse();
            assertThat(ProofVerifier.consistency(first, second, proof, firstRoot, tampered(secondRoot))).isFalse();
        }
    }

    @Test
    void theSignedCheckpointIsTheVectorAndARewrittenOneFailsItsSignature() {
        JsonNode vector = VECTORS.get("checkpoint");
        String publicKey = vector.get("publicKey").asText();
        CheckpointSigner signer = CheckpointSigner.of(vector.get("testPrivateKey").asText(), publicKey);
        Checkpoint checkpoint = signer.sign(new Checkpoint(vector.get("treeSize").asLong(),
                                                           vector.get("rootHash").asText(),
                                                           vector.get("lastPosition").asLong(),
                                                           Instant.parse(vector.get("recordedAt").asText()), null));

        assertThat(checkpoint.signedText()).isEqualTo(vector.get("signedText").asText());
        assertThat(checkpoint.signature()).isEqualTo(vector.get("signature").asText());
        assertThat(signer.publicKey()).contains(publicKey);
        assertThat(CheckpointSigner.verifies(publicKey, checkpoint)).isTrue();
        Checkpoint rewritten = new Checkpoint(checkpoint.treeSize(), text("log", "roots", 5),
                                              checkpoint.lastPosition(), checkpoint.recordedAt(),
                                              checkpoint.signature());
        assertThat(CheckpointSigner.verifies(publicKey, rewritten)).isFalse();
    }

    @Test
    void everyProofOfTreesUpToFortyLeavesVerifiesAgainstTheRootOfTheDefinition() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(MerkleHash.leaf(new byte[]{(byte) i}));
        }
        Map<String, byte[]> nodes = nodesOf(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = definition(leaves.subList(0, size));
            for (int leaf = 0; leaf < size; leaf++) {
                List<byte[]> path = hashes(ProofShape.inclusion(leaf, size), nodes);
                assertThat(ProofVerifier.inclusion(leaf, size, leaves.get(leaf), path, root))
                        .as("leaf %d of %d", leaf, size).isTrue();
                assertThat(ProofVerifier.inclusion(leaf, size, leaves.get((leaf + 1) % size), path, root))
                        .as("another leaf at %d of %d", leaf, size).isEqualTo(size == 1);
            }
            for (int first = 1; first <= size; first++) {
                List<byte[]> proof = hashes(ProofShape.consistency(first, size), nodes);
                byte[] firstRoot = definition(leaves.subList(0, first));
                assertThat(ProofVerifier.consistency(first, size, proof, firstRoot, root))
                        .as("from %d to %d", first, size).isTrue();
                assertThat(ProofVerifier.consistency(first, size, proof, tampered(firstRoot), root))
                        .as("from a rewritten %d to %d", first, size).isFalse();
            }
        }
    }

    /** MTH of RFC 9162 §2.1.1 as defined, recursively over the leaves. */
    static byte[] definition(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int split = (int) TreeRange.split(leaves.size());
        return MerkleHash.node(definition(leaves.subList(0, split)), definition(leaves.subList(split, leaves.size())));
    }

    private static List<byte[]> vectorLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        VECTORS.get("log").get("eventHashes").forEach(hash -> leaves.add(MerkleHash.ofEvent(hash.asText())));
        return leaves;
    }

    /** Every complete subtree of the tree of these leaves, as the recorder stores them. */
    private static Map<String, byte[]> nodesOf(List<byte[]> leaves) {
        CompactRange tree = CompactRange.of(0, List.of());
        Map<String, byte[]> nodes = new HashMap<>();
        leaves.forEach(leaf -> tree.append(leaf).forEach(node -> nodes.put(node.key().id(), node.hash())));
        return nodes;
    }

    private static List<byte[]> hashes(List<TreeRange> ranges, Map<String, byte[]> nodes) {
        return ranges.stream().map(range -> TreeRange.fold(range.subtrees().stream().map(key -> nodes.get(key.id()))
                                                                .toList())).toList();
    }

    private static byte[] tampered(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static String text(String section, String field, int index) {
        return VECTORS.get(section).get(field).get(index).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
