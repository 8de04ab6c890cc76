package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandKindTest {

    @ParameterizedTest
    @ValueSource(strings = {"hello", "isMaster", "ismaster", "ping", "buildInfo", "killCursors", "endSessions"})
    void serverCommandsPassStraightThrough(String command) {
        assertThat(CommandKind.of(command, new Document(command, 1))).isEqualTo(CommandKind.SERVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"find", "getMore", "count", "distinct", "listIndexes", "listCollections"})
    void readsOfStoredDataWaitForDurabilityWithoutASyncOfTheirOwn(String command) {
        assertThat(CommandKind.of(command, new Document(command, "events"))).isEqualTo(CommandKind.DATA_READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert", "update", "delete", "findAndModify", "findandmodify"})
    void documentWritesAskingForTheJournalAreMadeDurable(String command) {
        Document journaled = new Document(command, "events").append("writeConcern",
                new Document("w", "majority").append("j", true));
        assertThat(CommandKind.of(command, journaled)).isEqualTo(CommandKind.WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert", "update", "delete", "findAndModify", "findandmodify"})
    void documentWritesNotAskingForTheJournalAreAnsweredOnceApplied(String command) {
        assertThat(CommandKind.of(command, new Document(command, "events"))).isEqualTo(CommandKind.UNJOURNALED_WRITE);
        assertThat(CommandKind.of(command, new Document(command, "events").append("writeConcern",
                new Document("w", "majority")))).isEqualTo(CommandKind.UNJOURNALED_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"createIndexes", "create", "drop", "dropDatabase", "dropIndexes", "renameCollection",
            "someFutureCommand"})
    void otherWritesAndUnknownCommandsAreMadeDurable(String command) {
        assertThat(CommandKind.of(command, new Document(command, "events"))).isEqualTo(CommandKind.WRITE);
    }

    @Test
    void anAggregationWritesOnlyThroughOutOrMerge() {
        Document match = new Document("$match", new Document("x", 1));
        assertThat(CommandKind.of("aggregate", new Document("aggregate", "events").append("pipeline", List.of(match))))
                .isEqualTo(CommandKind.DATA_READ);
        assertThat(CommandKind.of("aggregate",
                new Document("aggregate", "events").append("pipeline", List.of(match, new Document("$out", "copy")))))
                .isEqualTo(CommandKind.WRITE);
        assertThat(CommandKind.of("aggregate",
                new Document("aggregate", "events").append("pipeline", List.of(new Document("$merge", "copy")))))
                .isEqualTo(CommandKind.WRITE);
    }
}
