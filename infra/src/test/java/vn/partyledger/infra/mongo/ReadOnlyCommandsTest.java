package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReadOnlyCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"find", "getMore", "count", "listIndexes", "hello", "isMaster", "ismaster", "ping"})
    void readsAreAnsweredWithoutASync(String command) {
        assertThat(ReadOnlyCommands.isReadOnly(command, new Document(command, "events"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert", "update", "delete", "findAndModify", "findandmodify", "createIndexes", "create",
            "drop", "dropDatabase", "dropIndexes", "renameCollection", "someFutureCommand"})
    void writesAndUnknownCommandsAreMadeDurable(String command) {
        assertThat(ReadOnlyCommands.isReadOnly(command, new Document(command, "events"))).isFalse();
    }

    @Test
    void anAggregationWritesOnlyThroughOutOrMerge() {
        Document match = new Document("$match", new Document("x", 1));
        assertThat(ReadOnlyCommands.isReadOnly("aggregate",
                new Document("aggregate", "events").append("pipeline", List.of(match)))).isTrue();
        assertThat(ReadOnlyCommands.isReadOnly("aggregate",
                new Document("aggregate", "events").append("pipeline", List.of(match, new Document("$out", "copy")))))
                .isFalse();
        assertThat(ReadOnlyCommands.isReadOnly("aggregate",
                new Document("aggregate", "events").append("pipeline", List.of(new Document("$merge", "copy")))))
                .isFalse();
    }
}
