package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import vn.partyledger.infra.rebuild.ProjectionGenerations;
import vn.partyledger.query.roster.BranchRosterProjection;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.partyledger.infra.app.Scenario.expect;

/** The Axon Mongo extension's token store and dead-letter queue, wired by hand, at work in the running service. */
class AxonStoresTest extends RunningApplication {

    @Autowired
    SagaStore<Object> sagaStore;

    @Autowired
    ProjectionGenerations generations;

    @Autowired
    EventProcessingConfiguration processing;

    /** A saga state as the store keeps it; the service has no saga yet, so the store is exercised directly. */
    public static class DeadlineWatch {
        public String memberId = "m-watch";
    }

    @Test
    void sagasAreKeptInMongoAndFoundByTheirAssociations() {
        AssociationValue member = new AssociationValue("memberId", "m-watch");
        sagaStore.insertSaga(DeadlineWatch.class, "saga-watch", new DeadlineWatch(), Set.of(member));

        assertThat(sagaStore.findSagas(DeadlineWatch.class, member)).containsExactly("saga-watch");
        assertThat(sagaStore.loadSaga(DeadlineWatch.class, "saga-watch").saga().memberId).isEqualTo("m-watch");
        assertThat(database.getCollection("sagas").countDocuments(Filters.eq("sagaIdentifier", "saga-watch")))
                .isEqualTo(1);
    }

    @Test
    void processorsKeepTheirTokensInMongo() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(database.getCollection("trackingtokens")
                    .countDocuments(Filters.eq("processorName", "branch-roster"))).isPositive();
            assertThat(database.getCollection("trackingtokens")
                    .countDocuments(Filters.eq("processorName", "integration-publisher"))).isPositive();
        });
    }

    /**
     * Once the damage is repaired, the parked event is processed again from the queue, as an operator would, and the
     * roster is whole: no damage is left behind for a later rebuild to find (ADR 0037).
     */
    @Test
    void anEventTheRosterCannotApplyIsParkedInTheDeadLetterQueueWhileOtherBranchesCarryOn() {
        Scenario broken = new Scenario(board()).organisationTree();
        Scenario healthy = new Scenario(board()).organisationTree();
        // the roster entries' collection of the generation serving now, whichever a rebuild made active
        MongoCollection<Document> entries = generations.serving(BranchRosterProjection.PROCESSING_GROUP)
                .getCollection(BranchRosterProjection.ENTRIES);
        // a damaged read model: the entry of the member about to be admitted, its sequence no longer a number
        String damagedEntry = broken.branch + "/m-" + broken.suffix;
        entries.insertOne(new Document("_id", damagedEntry).append("orgId", broken.branch)
                .append("memberId", "m-" + broken.suffix).append("memberSeq", "damaged"));

        broken.admittedMember("m-" + broken.suffix);
        healthy.admittedMember("m-" + healthy.suffix);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database.getCollection("deadletters")
                .countDocuments(Filters.and(Filters.eq("processingGroup", "branch-roster"),
                        Filters.eq("sequenceIdentifier", "m-" + broken.suffix)))).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode roster = expect(board().get()
                    .uri("/api/v1/organisations/{id}/roster?asOf=2025-12-31", healthy.branch)
                    .retrieve().toEntity(JsonNode.class), 200);
            assertThat(roster.get("headcount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 1);
        });

        entries.deleteOne(Filters.eq("_id", damagedEntry));
        processing.sequencedDeadLetterProcessor(BranchRosterProjection.PROCESSING_GROUP).orElseThrow().processAny();
        assertThat(database.getCollection("deadletters").countDocuments(Filters.eq("processingGroup", "branch-roster")))
                .as("the parked event applied once the damage was repaired").isZero();
        JsonNode repaired = expect(board().get().uri("/api/v1/organisations/{id}/roster?asOf=2025-12-31",
                broken.branch).retrieve().toEntity(JsonNode.class), 200);
        assertThat(repaired.get("headcount").asInt()).isEqualTo(Scenario.FIRST_BRANCH_ON_PAPER + 1);
    }
}
