package vn.partyledger.infra.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What a wire command does to the stored data, which decides how {@link DurableBackend} runs it.
 *
 * <p>Insert, update, delete and findAndModify are {@link #UNJOURNALED_WRITE}s unless their write concern asks for the
 * journal ({@code j: true}). Everything else not listed — create, createIndexes, drop, dropDatabase, dropIndexes,
 * renameCollection, and any command this class does not know — is a {@link #WRITE}: an unknown command costs a sync,
 * never an acknowledged loss.
 */
enum CommandKind {

    /** Answers without stored data (handshake, ping, cursor clean-up): passes straight through. */
    SERVER,
    /** Reads stored data: answered once every write it could have seen is on disk. */
    DATA_READ,
    /** Changes stored data: answered once it is on disk. */
    WRITE,
    /** Changes stored data without asking for the journal: answered once applied, on disk with the next sync. */
    UNJOURNALED_WRITE;

    /** Lower-case, as mongo-java-server matches several names case-insensitively (ismaster, buildinfo). */
    private static final Set<String> SERVER_COMMANDS = Set.of(
            "ping", "hello", "ismaster", "buildinfo", "serverstatus", "hostinfo", "whatsmyuri", "getcmdlineopts",
            "getlog", "getparameter", "getfreemonitoringstatus", "connectionstatus", "currentop", "getlasterror",
            "killcursors", "endsessions");
    private static final Set<String> DATA_READS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases", "dbstats",
            "collstats", "validate");
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    /** {@code body} is the command document, whose first key is {@code command}. */
    static CommandKind of(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (SERVER_COMMANDS.contains(name)) {
            return SERVER;
        }
        if (DATA_READS.contains(name) || name.equals("aggregate") && !writesOutput(body.get("pipeline"))) {
            return DATA_READ;
        }
        if (DOCUMENT_WRITES.contains(name) && !asksForJournal(body.get("writeConcern"))) {
            return UNJOURNALED_WRITE;
        }
        return WRITE;
    }

    private static boolean asksForJournal(Object writeConcern) {
        return writeConcern instanceof Document concern && Boolean.TRUE.equals(concern.get("j"));
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
