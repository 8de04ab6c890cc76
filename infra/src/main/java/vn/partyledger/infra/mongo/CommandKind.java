package vn.partyledger.infra.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What a wire command does to the stored data, which decides how {@link DurableBackend} runs it.
 *
 * <p>Everything not listed — insert, update, delete, findAndModify, create, createIndexes, drop, dropDatabase,
 * dropIndexes, renameCollection, and any command this class does not know — is a {@link #WRITE}: an unknown command
 * costs a sync, never an acknowledged loss.
 */
enum CommandKind {

    /** Answers without stored data (handshake, ping, cursor clean-up): passes straight through. */
    SERVER,
    /** Reads stored data: answered once every write it could have seen is on disk. */
    DATA_READ,
    /** Changes stored data: answered once it is on disk. */
    WRITE;

    /** Lower-case, as mongo-java-server matches several names case-insensitively (ismaster, buildinfo). */
    private static final Set<String> SERVER_COMMANDS = Set.of(
            "ping", "hello", "ismaster", "buildinfo", "serverstatus", "hostinfo", "whatsmyuri", "getcmdlineopts",
            "getlog", "getparameter", "getfreemonitoringstatus", "connectionstatus", "currentop", "getlasterror",
            "killcursors", "endsessions");
    private static final Set<String> DATA_READS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "dbstats",
            "collstats", "validate");

    /** {@code body} is the command document, whose first key is {@code command}. */
    static CommandKind of(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (SERVER_COMMANDS.contains(name)) {
            return SERVER;
        }
        if (DATA_READS.contains(name) || name.equals("aggregate") && !writesOutput(body.get("pipeline"))) {
            return DATA_READ;
        }
        return WRITE;
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
