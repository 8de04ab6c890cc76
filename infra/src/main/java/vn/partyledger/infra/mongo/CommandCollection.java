package vn.partyledger.infra.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The one collection a wire command reads or writes, when it names it and touches no other (ADR 0066): a find, count,
 * distinct, or an aggregation without a stage that may read or write another collection; an insert, update, delete or
 * findAndModify; a getMore, of the collection its cursor reads. Any other command, or one naming no database, names
 * no one collection, and {@link GroupCommit} takes it as touching them all.
 */
final class CommandCollection {

    private static final Set<String> NAMING_THEIR_COLLECTION = Set.of(
            "find", "count", "distinct", "aggregate", "insert", "update", "delete", "findandmodify");
    /** Stages that read or write other collections, and {@code $facet}, which may hold such stages. */
    private static final Set<String> TOUCHING_OTHERS = Set.of(
            "$lookup", "$graphLookup", "$unionWith", "$out", "$merge", "$facet");

    private CommandCollection() {
    }

    /** {@code body} is the command document, whose first key is {@code command}; names are database.collection. */
    static Optional<String> of(String command, Document body, String database) {
        String name = command.toLowerCase(Locale.ROOT);
        Object collection = name.equals("getmore") ? body.get("collection")
                : NAMING_THEIR_COLLECTION.contains(name) ? body.get(command) : null;
        if (!(collection instanceof String named) || database == null || touchesOthers(body.get("pipeline"))) {
            return Optional.empty();
        }
        return Optional.of(database + "." + named);
    }

    private static boolean touchesOthers(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream().anyMatch(stage -> !(stage instanceof Document document)
                || document.keySet().stream().anyMatch(TOUCHING_OTHERS::contains));
    }
}
