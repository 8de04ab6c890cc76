package vn.partyledger.query.tree;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import vn.partyledger.query.batch.BatchedChangeCounts;
import vn.partyledger.query.batch.BatchedUpdates;
import org.bson.conversions.Bson;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationEstablished;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationReparented;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.partyledger.query.tree.OrganisationHistory.link;
import static vn.partyledger.query.tree.OrganisationHistory.period;

/**
 * Keeps {@code organisation_tree}: one document per organisation (ADR 0032). A merge or split touches the documents of
 * every organisation it links; each document records the ids of the events applied to it, and an event changes a
 * document only if it is not among them, in one atomic update — so a redelivered event changes nothing. A processor
 * batch's updates are sent as one bulk write when it commits, before its token (ADR 0038), and the tree's changes are
 * counted in {@code organisation_tree_changes} after them, so that a read reads the organisations again only once the
 * tree has changed (ADR 0069).
 */
@ProcessingGroup(OrganisationTreeProjection.PROCESSING_GROUP)
public class OrganisationTreeProjection {

    public static final String PROCESSING_GROUP = "organisation-tree";
    public static final String COLLECTION = "organisation_tree";
    private static final String APPLIED = "applied";

    /** The number of changes made to the tree, counted after each batch's writes (ADR 0069). */
    public static final String CHANGES_COLLECTION = "organisation_tree_changes";
    private static final String TREE = "tree";
    private static final String CHANGES = "changes";

    private final MongoCollection<Document> organisations;
    private final BatchedUpdates changes;
    private final MongoCollection<Document> counted;
    private final BatchedChangeCounts treeChanges;
    /** Every organisation as read at a number of changes of the tree, in a generation of the collections. */
    private volatile ReadAt lastRead;

    private record ReadAt(String collection, long changes, List<OrganisationHistory> organisations) {
    }

    public OrganisationTreeProjection(MongoDatabase database) {
        this.organisations = database.getCollection(COLLECTION);
        this.changes = new BatchedUpdates(organisations);
        this.counted = database.getCollection(CHANGES_COLLECTION);
        this.treeChanges = new BatchedChangeCounts(counted, CHANGES);
    }

    @EventHandler
    void on(OrganisationEstablished event, @MessageIdentifier String eventId) {
        change(event.orgId(), eventId, Updates.combine(
                Updates.set(OrganisationHistory.KIND, event.kind().name()),
                Updates.set(OrganisationHistory.ESTABLISHED_ON, event.effectiveDate().toString()),
                Updates.push(OrganisationHistory.NAMES, period(event.effectiveDate(), event.name())),
                Updates.push(OrganisationHistory.PARENTS, period(event.effectiveDate(), event.parentOrgId()))));
    }

    @EventHandler
    void on(OrganisationRenamed event, @MessageIdentifier String eventId) {
        change(event.orgId(), eventId,
                Updates.push(OrganisationHistory.NAMES, period(event.effectiveDate(), event.newName())));
    }

    @EventHandler
    void on(OrganisationReparented event, @MessageIdentifier String eventId) {
        change(event.orgId(), eventId,
                Updates.push(OrganisationHistory.PARENTS, period(event.effectiveDate(), event.newParentOrgId())));
    }

    /** The sources went into the target: the target's predecessors and each source's successor. */
    @EventHandler
    void on(OrganisationsMerged event, @MessageIdentifier String eventId) {
        LocalDate on = event.effectiveDate();
        change(event.targetOrgId(), eventId, Updates.addEachToSet(OrganisationHistory.PREDECESSORS,
                event.sourceOrgIds().stream().map(source -> link(source, on)).toList()));
        event.sourceOrgIds().forEach(source -> change(source, eventId,
                Updates.addToSet(OrganisationHistory.SUCCESSORS, link(event.targetOrgId(), on))));
    }

    /** The source went into each organisation its members were allocated to. */
    @EventHandler
    void on(OrganisationSplit event, @MessageIdentifier String eventId) {
        LocalDate on = event.effectiveDate();
        List<String> targets = event.allocation().stream().map(MemberAllocation::targetOrgId).distinct().toList();
        change(event.sourceOrgId(), eventId, Updates.addEachToSet(OrganisationHistory.SUCCESSORS,
                targets.stream().map(target -> link(target, on)).toList()));
        targets.forEach(target -> change(target, eventId,
                Updates.addToSet(OrganisationHistory.PREDECESSORS, link(event.sourceOrgId(), on))));
    }

    /** The dissolution ends the organisation's lifetime; a successor it names is linked both ways. */
    @EventHandler
    void on(OrganisationDissolved event, @MessageIdentifier String eventId) {
        LocalDate on = event.effectiveDate();
        Bson dissolved = Updates.set(OrganisationHistory.DISSOLVED_ON, on.toString());
        if (event.successorOrgId() == null) {
            change(event.orgId(), eventId, dissolved);
            return;
        }
        change(event.orgId(), eventId, Updates.combine(dissolved,
                Updates.addToSet(OrganisationHistory.SUCCESSORS, link(event.successorOrgId(), on))));
        change(event.successorOrgId(), eventId,
                Updates.addToSet(OrganisationHistory.PREDECESSORS, link(event.orgId(), on)));
    }

    /**
     * The tree under the organisation as it stood at the end of the date: each organisation with the name and parent
     * it had that day, under the parent it had that day, if it existed that day. Empty if the organisation was not
     * founded by then.
     */
    @QueryHandler
    public Optional<OrganisationTree> handle(FindOrganisationTree query) {
        Map<String, OrganisationHistory> byId = new HashMap<>();
        Map<String, List<OrganisationHistory>> childrenOf = new HashMap<>();
        for (OrganisationHistory organisation : organisationsNow()) {
            byId.put(organisation.orgId(), organisation);
            String parent = organisation.parentOn(query.asOf());
            if (parent != null && organisation.activeOn(query.asOf())) {
                childrenOf.computeIfAbsent(parent, id -> new ArrayList<>()).add(organisation);
            }
        }
        return Optional.ofNullable(byId.get(query.orgId()))
                .filter(root -> root.establishedBy(query.asOf()))
                .map(root -> subtree(root, query.asOf(), childrenOf));
    }

    /**
     * Every organisation's document, read again only when the tree has changed since the last read (ADR 0069): a
     * province's tree is thousands of documents, read by every roll-up, statistic and due list, and it changes a few
     * times a year. The count is read first, and it goes up only after a batch's writes, so what is read with it holds
     * at least every change it counts; what is read is kept at that count, in that generation of the collections.
     */
    private List<OrganisationHistory> organisationsNow() {
        String collection = counted.getNamespace().getFullName();
        Document count = counted.find(Filters.eq("_id", TREE)).first();
        long changesNow = count == null ? 0L : count.getLong(CHANGES);
        ReadAt last = lastRead;
        if (last != null && last.collection().equals(collection) && last.changes() == changesNow) {
            return last.organisations();
        }
        List<OrganisationHistory> read = new ArrayList<>();
        organisations.find().forEach(document -> read.add(new OrganisationHistory(document)));
        lastRead = new ReadAt(collection, changesNow, List.copyOf(read));
        return read;
    }

    private static OrganisationTree subtree(OrganisationHistory organisation, LocalDate date,
                                            Map<String, List<OrganisationHistory>> childrenOf) {
        List<OrganisationTree> children = childrenOf.getOrDefault(organisation.orgId(), List.of()).stream()
                .sorted(Comparator.comparing(OrganisationHistory::orgId))
                .map(child -> subtree(child, date, childrenOf))
                .toList();
        return organisation.on(date, children);
    }

    /**
     * Applies the update once per event and document: the document is created if missing, then changed only while
     * the event is not among those it records, in the same atomic update that records it. Each handler therefore
     * changes a document at most once per event.
     */
    private void change(String orgId, String eventId, Bson update) {
        changes.updateOne(Filters.eq("_id", orgId), Updates.setOnInsert(APPLIED, List.of()),
                new UpdateOptions().upsert(true));
        changes.updateOne(Filters.and(Filters.eq("_id", orgId), Filters.ne(APPLIED, eventId)),
                Updates.combine(update, Updates.addToSet(APPLIED, eventId)), new UpdateOptions());
        // counted even when the event was applied before: a crash may have come between its write and its count
        treeChanges.count(TREE);
    }
}
