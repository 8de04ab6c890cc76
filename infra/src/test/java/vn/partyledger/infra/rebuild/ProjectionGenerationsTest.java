package vn.partyledger.infra.rebuild;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's collections answer from its active generation, switched at once and found again after a restart;
 * a rebuild writes to its own generation and clears the ones left over (ADR 0037).
 */
class ProjectionGenerationsTest {

    private static final String PROJECTION = "branch-roster";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCollectionKeptSinceConstructionAnswersFromTheGenerationActiveAtEachCall() {
        ProjectionGenerations generations = new ProjectionGenerations(database);
        MongoCollection<Document> rosters = generations.serving(PROJECTION).getCollection("branch_rosters");
        rosters.insertOne(new Document("_id", "kp1").append("name", "Khu phố 1"));
        generations.filling(PROJECTION, 1).getCollection("branch_rosters")
                .insertOne(new Document("_id", "kp1").append("name", "Khu phố 1 rebuilt"));

        assertThat(rosters.find().first().getString("name")).isEqualTo("Khu phố 1");
        generations.activate(PROJECTION, 1);

        assertThat(rosters.find().first().getString("name")).isEqualTo("Khu phố 1 rebuilt");
        assertThat(database.getCollection("branch_rosters_g1").countDocuments()).isOne();
    }

    @Test
    void aRestartAnswersFromTheGenerationLastActivated() {
        new ProjectionGenerations(database).activate(PROJECTION, 2);
        database.getCollection("branch_rosters_g2").insertOne(new Document("_id", "kp1"));

        ProjectionGenerations restarted = new ProjectionGenerations(database);

        assertThat(restarted.active(PROJECTION)).isEqualTo(2);
        assertThat(restarted.active("due-list")).isZero();
        assertThat(restarted.serving(PROJECTION).getCollection("branch_rosters").countDocuments()).isOne();
    }

    @Test
    void everyGenerationButTheActiveOneIsDroppedAndNoOtherProjectionsCollection() {
        ProjectionGenerations generations = new ProjectionGenerations(database);
        generations.serving(PROJECTION).getCollection("branch_rosters");
        generations.serving(PROJECTION).getCollection("roster_entries");
        for (String name : new String[]{"branch_rosters", "branch_rosters_g1", "branch_rosters_g2",
                "roster_entries_g1", "roster_entries_g3", "due_items", "due_items_g1"}) {
            database.getCollection(name).insertOne(new Document("_id", name));
        }
        generations.activate(PROJECTION, 1);

        generations.dropAllButActive(PROJECTION);

        assertThat(database.listCollectionNames().into(new HashSet<>())).contains("branch_rosters_g1",
                "roster_entries_g1", "due_items", "due_items_g1").doesNotContain("branch_rosters",
                "branch_rosters_g2", "roster_entries_g3");
    }

    @Test
    void theTreeReadFromOneGenerationIsNotAnsweredFromAnotherAtTheSameCountOfChanges() {
        ProjectionGenerations generations = new ProjectionGenerations(database);
        OrganisationTreeProjection tree = new OrganisationTreeProjection(
                generations.serving(OrganisationTreeProjection.PROCESSING_GROUP));
        storeTree("", "Thành ủy Hồ Chí Minh");
        storeTree("_g1", "Đảng bộ Thành phố Hồ Chí Minh");
        FindOrganisationTree province = new FindOrganisationTree("hcmc", LocalDate.of(2026, 1, 1));
        assertThat(tree.handle(province).orElseThrow().name()).isEqualTo("Thành ủy Hồ Chí Minh");

        generations.activate(OrganisationTreeProjection.PROCESSING_GROUP, 1);

        assertThat(tree.handle(province).orElseThrow().name()).isEqualTo("Đảng bộ Thành phố Hồ Chí Minh");
    }

    /** A one-organisation tree as the projection stores it, after one counted change, in a generation's collections. */
    private void storeTree(String generation, String name) {
        database.getCollection(OrganisationTreeProjection.COLLECTION + generation).insertOne(new Document("_id", "hcmc")
                .append("kind", OrganisationKind.PROVINCIAL.name()).append("establishedOn", "1930-02-03")
                .append("names", List.of(new Document("from", "1930-02-03").append("value", name)))
                .append("parents", List.of(new Document("from", "1930-02-03").append("value", null))));
        database.getCollection(OrganisationTreeProjection.CHANGES_COLLECTION + generation)
                .insertOne(new Document("_id", "tree").append("changes", 1L));
    }
}
