package vn.partyledger.infra.mongo;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * A mongo-java-server backend that answers nothing a crash could still take back ({@link GroupCommit}): a write that
 * asks for the journal (the event store's commits) is answered once it is on disk, a read of stored data once every
 * such write it could have seen is; other writes are answered once applied, and on disk within the flush interval.
 *
 * <p>The modern driver sends every command as OP_MSG ({@link #handleMessage}); the delegate dispatches it internally
 * to its own {@code handleCommand}, so the command is classified here, by its first key ({@link CommandKind}), before
 * it is handed over. Legacy OP_QUERY commands arrive through {@link #handleCommand}, legacy queries through
 * {@link #handleQuery}.
 */
final class DurableBackend implements MongoBackend {

    private final MongoBackend delegate;
    private final GroupCommit groupCommit;

    DurableBackend(MongoBackend delegate, GroupCommit groupCommit) {
        this.delegate = delegate;
        this.groupCommit = groupCommit;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.keySet().iterator().next();
        return run(CommandKind.of(command, body), CommandCollection.of(command, body, message.getDatabaseName()),
                () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return run(CommandKind.of(command, query), CommandCollection.of(command, query, database),
                () -> delegate.handleCommand(channel, database, command, query));
    }

    private Document run(CommandKind kind, Optional<String> collection, Supplier<Document> command) {
        return switch (kind) {
            case SERVER -> command.get();
            case DATA_READ -> groupCommit.readDurably(collection, command);
            case WRITE -> groupCommit.durably(collection, command);
            case UNJOURNALED_WRITE -> groupCommit.applied(command);
        };
    }

    @Override
    public void dropDatabase(String database) {
        groupCommit.durably(() -> {
            delegate.dropDatabase(database);
            return database;
        });
    }

    /** Closing commits the store: it must not run while a write is half applied. */
    @Override
    public void close() {
        groupCommit.closeExclusively(delegate::close);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return groupCommit.readDurably(() -> delegate.handleQuery(query));
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
