package vn.partyledger.infra.mongo;

import java.util.Map;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A query's range of string ids, bounded below ({@code $gt}, {@code $gte}) and above ({@code $lt}, {@code $lte}):
 * the documents such a query can match have ids from {@code from} to {@code to}, both included. A projection reads the
 * documents whose ids begin alike so (ADR 0061); any other condition of the query is matched on each document.
 */
record IdRange(String from, String to) {

    /** The range of ids of the query's {@code _id} condition, if it is a range of strings bounded both ways. */
    static Optional<IdRange> of(Document query) {
        if (!(query.get(Constants.ID_FIELD) instanceof Document bounds)) {
            return Optional.empty();
        }
        String from = null;
        String to = null;
        for (Map.Entry<String, Object> bound : bounds.entrySet()) {
            if (!(bound.getValue() instanceof String value)) {
                return Optional.empty();
            }
            switch (bound.getKey()) {
                case "$gt", "$gte" -> from = from == null || value.compareTo(from) > 0 ? value : from;
                case "$lt", "$lte" -> to = to == null || value.compareTo(to) < 0 ? value : to;
                default -> {
                    return Optional.empty();
                }
            }
        }
        return from == null || to == null ? Optional.empty() : Optional.of(new IdRange(from, to));
    }

    boolean isEmpty() {
        return from.compareTo(to) > 0;
    }
}
