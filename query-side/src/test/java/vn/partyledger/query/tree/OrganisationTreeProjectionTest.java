package vn.partyledger.query.tree;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.organisation.BranchType;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationReparented;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.query.batch.PooledReplay;
import vn.partyledger.query.batch.PooledReplay.TokenProbe;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events in, the tree on a date out, through the real MongoDB driver against the embedded wire server: the 1 Jul 2025
 * reform (districts gone, wards under the province, two branches merged) seen from before and after.
 */
class OrganisationTreeProjectionTest {

    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 3);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private MongoServer server;
    private MongoClient client;
    private OrganisationTreeProjection projection;
    private int events;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new OrganisationTreeProjection(client.getDatabase("test"));
        established("da-nang", OrganisationKind.PROVINCIAL, null, FOUNDED);
        established("son-tra", OrganisationKind.SECTOR, "da-nang", FOUNDED);
        established("phuoc-my", OrganisationKind.GRASSROOTS_COMMITTEE, "son-tra", FOUNDED);
        established("kp1", OrganisationKind.SUBORDINATE_BRANCH, "phuoc-my", LocalDate.of(2010, 1, 4));
        established("kp2", OrganisationKind.SUBORDINATE_BRANCH, "phuoc-my", LocalDate.of(2012, 3, 5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private String nextEventId() {
        return "event-" + ++events;
    }

    private void established(String orgId, OrganisationKind kind, String parent, LocalDate on) {
        projection.on(new OrganisationEstablished(orgId, "Tổ chức " + orgId, kind,
                kind.isBranch() ? BranchType.RESIDENTIAL : null, parent, null, OrganisationFlags.NONE, 3, false, on),
                nextEventId());
    }

    private OrganisationTree tree(String orgId, LocalDate asOf) {
        return projection.handle(new FindOrganisationTree(orgId, asOf)).orElseThrow();
    }

    /** The reform: the ward moves under the province, kp1 and kp2 merge into kp12 and are dissolved into it. */
    private void reform() {
        projection.on(new OrganisationReparented("phuoc-my", "son-tra", "da-nang", REFORM), nextEventId());
        projection.on(new OrganisationRenamed("phuoc-my", "Đảng bộ phường Sơn Trà", REFORM), nextEventId());
        established("kp12", OrganisationKind.SUBORDINATE_BRANCH, "phuoc-my", REFORM);
        projection.on(new OrganisationsMerged("kp12", List.of("kp1", "kp2"), REFORM), nextEventId());
        projection.on(new OrganisationDissolved("kp1", DissolutionReason.ADMINISTRATIVE, "kp12", REFORM),
                nextEventId());
        projection.on(new OrganisationDissolved("kp2", DissolutionReason.ADMINISTRATIVE, "kp12", REFORM),
                nextEventId());
        projection.on(new OrganisationDissolved("son-tra", DissolutionReason.ADMINISTRATIVE, null, REFORM),
                nextEventId());
    }

    @Test
    void theTreeOnADateHoldsOnlyWhatWasFoundedByThen() {
        OrganisationTree ward = tree("phuoc-my", LocalDate.of(2011, 6, 1));

        assertThat(ward.children()).extracting(OrganisationTree::orgId).containsExactly("kp1");
        assertThat(tree("phuoc-my", LocalDate.of(2012, 3, 5)).children()).extracting(OrganisationTree::orgId)
                .containsExactly("kp1", "kp2");
        assertThat(projection.handle(new FindOrganisationTree("kp2", LocalDate.of(2012, 3, 4)))).isEmpty();
        assertThat(projection.handle(new FindOrganisationTree("nowhere", REFORM))).isEmpty();
    }

    @Test
    void theDayBeforeTheReformTheDistrictHoldsTheWardAndItsOldBranchesWhichLeadToTheirSuccessor() {
        reform();

        OrganisationTree district = tree("son-tra", REFORM.minusDays(1));

        assertThat(district.children()).extracting(OrganisationTree::orgId).containsExactly("phuoc-my");
        OrganisationTree ward = district.children().get(0);
        assertThat(ward.name()).isEqualTo("Tổ chức phuoc-my");
        assertThat(ward.parentOrgId()).isEqualTo("son-tra");
        assertThat(ward.children()).extracting(OrganisationTree::orgId).containsExactly("kp1", "kp2");
        assertThat(ward.children()).allSatisfy(branch -> {
            assertThat(branch.successors()).containsExactly(new OrganisationTree.Link("kp12", REFORM));
            assertThat(branch.dissolvedOn()).isEqualTo(REFORM);
        });
    }

    @Test
    void onTheReformTheWardIsUnderTheProvinceUnderItsNewNameWithTheMergedBranchAndItsPredecessors() {
        reform();

        OrganisationTree province = tree("da-nang", REFORM);

        assertThat(province.children()).extracting(OrganisationTree::orgId).containsExactly("phuoc-my");
        OrganisationTree ward = province.children().get(0);
        assertThat(ward.name()).isEqualTo("Đảng bộ phường Sơn Trà");
        assertThat(ward.parentOrgId()).isEqualTo("da-nang");
        assertThat(ward.children()).extracting(OrganisationTree::orgId).containsExactly("kp12");
        assertThat(ward.children().get(0).predecessors()).containsExactly(new OrganisationTree.Link("kp1", REFORM),
                new OrganisationTree.Link("kp2", REFORM));
        assertThat(tree("son-tra", REFORM).children()).as("a dissolved district holds nothing").isEmpty();
    }

    @Test
    void aSplitLinksTheSourceToEveryBranchItsMembersWentTo() {
        established("kp1a", OrganisationKind.SUBORDINATE_BRANCH, "phuoc-my", REFORM);
        established("kp1b", OrganisationKind.SUBORDINATE_BRANCH, "phuoc-my", REFORM);
        projection.on(new OrganisationSplit("kp1", List.of(new MemberAllocation("m1", "kp1a"),
                new MemberAllocation("m2", "kp1b"), new MemberAllocation("m3", "kp1a")), REFORM), nextEventId());

        OrganisationTree ward = tree("phuoc-my", REFORM);

        assertThat(ward.children()).filteredOn(branch -> branch.orgId().equals("kp1")).singleElement()
                .satisfies(kp1 -> assertThat(kp1.successors()).containsExactly(
                        new OrganisationTree.Link("kp1a", REFORM), new OrganisationTree.Link("kp1b", REFORM)));
        assertThat(ward.children()).filteredOn(branch -> branch.orgId().startsWith("kp1"))
                .filteredOn(branch -> !branch.predecessors().isEmpty())
                .extracting(OrganisationTree::orgId).containsExactly("kp1a", "kp1b");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        OrganisationRenamed renamed = new OrganisationRenamed("kp1", "Chi bộ Khu phố Một", REFORM);
        OrganisationsMerged merged = new OrganisationsMerged("kp2", List.of("kp1"), REFORM);
        projection.on(renamed, "renamed-once");
        projection.on(renamed, "renamed-once");
        projection.on(merged, "merged-once");
        projection.on(merged, "merged-once");

        OrganisationTree kp1 = tree("kp1", REFORM);

        assertThat(kp1.name()).isEqualTo("Chi bộ Khu phố Một");
        assertThat(client.getDatabase("test").getCollection(OrganisationTreeProjection.COLLECTION)
                .find(Filters.eq("_id", "kp1")).first().getList(OrganisationHistory.NAMES, Document.class)).hasSize(2);
        assertThat(kp1.successors()).containsExactly(new OrganisationTree.Link("kp2", REFORM));
        assertThat(tree("kp2", REFORM).predecessors()).containsExactly(new OrganisationTree.Link("kp1", REFORM));
    }

    @Test
    void theOrganisationsAreReadAgainOnlyOnceTheTreeHasChanged() {
        List<String> collectionsFound = new CopyOnWriteArrayList<>();
        CommandListener finds = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    collectionsFound.add(event.getCommand().getString("find").getValue());
                }
            }
        };
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.getConnectionString()))
                .addCommandListener(finds).build())) {
            OrganisationTreeProjection reader = new OrganisationTreeProjection(listened.getDatabase("test"));
            assertThat(reader.handle(new FindOrganisationTree("phuoc-my", REFORM))).isPresent();
            assertThat(reader.handle(new FindOrganisationTree("kp1", REFORM))).isPresent();

            assertThat(collectionsFound).as("the second read reads the count of changes alone")
                    .containsExactly(OrganisationTreeProjection.CHANGES_COLLECTION,
                            OrganisationTreeProjection.COLLECTION, OrganisationTreeProjection.CHANGES_COLLECTION);

            projection.on(new OrganisationRenamed("kp1", "Chi bộ Khu phố Một", REFORM), nextEventId());

            assertThat(reader.handle(new FindOrganisationTree("kp1", REFORM)).orElseThrow().name())
                    .as("a change written by another instance, counted in the store")
                    .isEqualTo("Chi bộ Khu phố Một");
            assertThat(collectionsFound).endsWith(OrganisationTreeProjection.CHANGES_COLLECTION,
                    OrganisationTreeProjection.COLLECTION);
        }
    }

    @Test
    void aProcessorBatchCountsTheTreesChangesAfterItsWritesAndAgainWhenHandledAgainAfterACrash() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        CommandListener writes = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    written.add(event.getCommand().getString("update").getValue());
                }
            }
        };
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.getConnectionString()))
                .addCommandListener(writes).build())) {
            OrganisationTreeProjection processed = new OrganisationTreeProjection(listened.getDatabase("test"));
            assertThat(tree("kp1", REFORM).name()).as("the tree kept before the batch").isEqualTo("Tổ chức kp1");
            List<EventMessage<?>> log = List.of(
                    new GenericDomainEventMessage<>("Organisation", "kp1", 1,
                            new OrganisationRenamed("kp1", "Chi bộ Khu phố Một", REFORM)),
                    new GenericDomainEventMessage<>("Organisation", "phuoc-my", 1,
                            new OrganisationReparented("phuoc-my", "son-tra", "da-nang", REFORM)));
            // the first token store fails after the batch's writes and count, as a crash there would
            TokenProbe tokens = new TokenProbe(true, () -> 0L);

            PooledReplay.replay(log, SimpleEventHandlerInvoker.builder().eventHandlers(processed).build(), tokens,
                    tokens::atHead);

            assertThat(tokens.failed()).isTrue();
            // the processor may take the two events in one batch or two: the crashed batch and its retry, at least
            assertThat(written).as("a tree write and a count for the crashed batch and again for its retry")
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(written.size() % 2).as("writes in pairs").isZero();
            for (int batch = 0; batch < written.size(); batch += 2) {
                assertThat(written.subList(batch, batch + 2)).as("each batch's count follows its writes of the tree")
                        .containsExactly(OrganisationTreeProjection.COLLECTION,
                                OrganisationTreeProjection.CHANGES_COLLECTION);
            }
            OrganisationTree kp1 = tree("kp1", REFORM);
            assertThat(kp1.name()).as("read again by the instance that kept the tree before").isEqualTo(
                    "Chi bộ Khu phố Một");
            assertThat(tree("phuoc-my", REFORM).parentOrgId()).isEqualTo("da-nang");
        }
    }
}
