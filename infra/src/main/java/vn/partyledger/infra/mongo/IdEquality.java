package vn.partyledger.infra.mongo;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A query's equality on one string or number {@code _id} beside other conditions, at its top level or in a top-level
 * {@code $and}: the one document such a query can match is the one with that id, and the collection matches the other
 * conditions on it. mongo-java-server's index of ids answers a query on {@code _id} alone; for these it matched every
 * document of the collection, so an update kept conditional on a count of changes ({@code {$and: [{_id}, {changes}]}},
 * as the driver writes {@code Filters.and}) read the whole collection for each document it changed.
 */
record IdEquality(Object id) {

    private static final String AND = "$and";

    /** The id the query asks for, if it asks for one string or number id besides anything else. */
    static Optional<IdEquality> of(Document query) {
        Optional<IdEquality> atTopLevel = scalar(query.get(Constants.ID_FIELD));
        if (atTopLevel.isPresent() || !(query.get(AND) instanceof List<?> conditions)) {
            return atTopLevel;
        }
        return conditions.stream().filter(Document.class::isInstance)
                .map(condition -> scalar(((Document) condition).get(Constants.ID_FIELD)))
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<IdEquality> scalar(Object value) {
        return value instanceof String || value instanceof Number ? Optional.of(new IdEquality(value))
                : Optional.empty();
    }

    /** The query on the id alone, which the index of ids answers. */
    Document alone() {
        return new Document(Constants.ID_FIELD, id);
    }
}
