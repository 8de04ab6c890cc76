package vn.partyledger.infra.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line prints its progress and report and ends 0 for an intact log, 1 for a damaged one. */
class VerifyCommandLineTest {

    private final LogFixture log = new LogFixture();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void anIntactLogEndsZeroAndADamagedOneOneNamingTheDamage() throws IOException {
        log.append(3);
        log.append(2);
        log.recorder(1, Duration.ofHours(1), Instant.parse("2026-03-03T12:00:00Z")).catchUp();
        Checkpoint held = log.proofs().latest();
        VerifyCommandLine command = new VerifyCommandLine(log.auditor(CheckpointSigner.none()), json, null,
                                                          held.treeSize(), held.rootHash());
        ByteArrayOutputStream intact = new ByteArrayOutputStream();

        assertThat(command.verify(new PrintStream(intact, true, StandardCharsets.UTF_8))).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("verify: read up to position 2")
                                                            .contains("\"intact\" : true");

        log.database.getCollection("event_commits").updateOne(Filters.eq("_id", 2L),
                                                              Updates.set("events.1.payload", "forged"));
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();

        assertThat(command.verify(new PrintStream(damaged, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(damaged.toString(StandardCharsets.UTF_8)).contains("\"kind\" : \"ALTERED\"")
                                                             .contains("\"position\" : 2");
    }

    @Test
    void halfACheckpointIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new VerifyCommandLine(log.auditor(CheckpointSigner.none()), json, null, 5L, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tree-size and root-hash");
    }
}
