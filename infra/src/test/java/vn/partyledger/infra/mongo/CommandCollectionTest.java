package vn.partyledger.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandCollectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"find", "count", "distinct", "insert", "update", "delete", "findAndModify"})
    void aCommandOnOneCollectionNamesIt(String command) {
        assertThat(CommandCollection.of(command, new Document(command, "roster_entries"), "partyledger"))
                .contains("partyledger.roster_entries");
    }

    @Test
    void aGetMoreNamesTheCollectionItsCursorReads() {
        assertThat(CommandCollection.of("getMore", new Document("getMore", 42L).append("collection", "event_commits"),
                "partyledger")).contains("partyledger.event_commits");
    }

    @Test
    void anAggregationNamesItsCollectionUnlessAStageMayTouchAnother() {
        Document match = new Document("$match", new Document("x", 1));
        assertThat(CommandCollection.of("aggregate", new Document("aggregate", "due_items")
                .append("pipeline", List.of(match)), "partyledger")).contains("partyledger.due_items");
        for (String stage : List.of("$lookup", "$graphLookup", "$unionWith", "$out", "$merge", "$facet")) {
            assertThat(CommandCollection.of("aggregate", new Document("aggregate", "due_items")
                    .append("pipeline", List.of(match, new Document(stage, new Document()))), "partyledger"))
                    .as(stage).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "drop", "renameCollection", "createIndexes", "dropDatabase", "listCollections",
            "someFutureCommand"})
    void anyOtherCommandNamesNoOneCollection(String command) {
        assertThat(CommandCollection.of(command, new Document(command, "roster_entries"), "partyledger")).isEmpty();
    }

    @Test
    void aCommandWithoutADatabaseOrACollectionNameNamesNoOneCollection() {
        assertThat(CommandCollection.of("find", new Document("find", "roster_entries"), null)).isEmpty();
        assertThat(CommandCollection.of("aggregate", new Document("aggregate", 1), "partyledger"))
                .as("an aggregation of the database").isEqualTo(Optional.empty());
    }
}
