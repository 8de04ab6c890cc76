package vn.partyledger.infra.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Which wire commands only read. Everything else — insert, update, delete, findAndModify, create, createIndexes, drop,
 * dropDatabase, dropIndexes, renameCollection, and any command this list does not know — is treated as a write and
 * made durable before it is answered: an unknown command costs a sync, never an acknowledged loss.
 */
final class ReadOnlyCommands {

    /** Lower-case, as mongo-java-server matches several names case-insensitively (ismaster, buildinfo). */
    private static final Set<String> READS = Set.of(
            "find", "getmore", "count", "distinct", "killcursors", "endsessions",
            "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "validate",
            "ping", "hello", "ismaster", "buildinfo", "serverstatus", "hostinfo", "whatsmyuri", "getcmdlineopts",
            "getlog", "getparameter", "getfreemonitoringstatus", "connectionstatus", "currentop", "getlasterror");

    private ReadOnlyCommands() {
    }

    /** {@code body} is the command document, whose first key is {@code command}. */
    static boolean isReadOnly(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesOutput(body.get("pipeline"));
        }
        return READS.contains(name);
    }

    /** An aggregation writes only through a {@code $out} or {@code $merge} stage. */
    private static boolean writesOutput(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream().anyMatch(stage -> stage instanceof Document document
                && (document.containsKey("$out") || document.containsKey("$merge")));
    }
}
