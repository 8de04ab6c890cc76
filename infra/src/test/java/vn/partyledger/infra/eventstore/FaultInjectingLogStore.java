package vn.partyledger.infra.eventstore;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link LogStore} that passes every call to the real store, except one chosen call (the n-th call of one step),
 * which it stalls, fails, answers with a lost reply, or on which it kills the "process". It also records the steps
 * called, in order, so a test can first trace a scenario and then inject a fault at each call of the trace.
 * <p>
 * After a crash the store refuses every further call with the same {@link ProcessKilled}: a killed process does
 * nothing more, whatever the engine's code would still like to do (seal its position, for instance).
 */
final class FaultInjectingLogStore implements LogStore {

    /** One per {@link LogStore} method. */
    enum Step {
        ALLOCATE, READ_ALLOCATED, READ_FILLED_THROUGH, RAISE_FILLED_THROUGH, FIND_ENTRIES, INSERT_ENTRIES, REPLACE_VOID_ENTRY, FIND_COMMITS,
        FIND_COMMITS_WITH_FIRST_EVENT, FIND_COMMIT_HEADERS,
        INSERT_COMMIT, INSERT_TOMBSTONE, FIND_REQUEST
    }

    enum Fault {
        /** The call blocks (before reaching the database) until the test releases it. */
        STALL,
        /** The database applies the call at once; its reply is held back until the test releases it. */
        STALL_REPLY,
        /** The database applies the call, the reply never arrives. */
        LOSE_REPLY,
        /** The call fails without reaching the database. */
        FAIL,
        /** The process dies before the call reaches the database. */
        CRASH_BEFORE,
        /** The process dies after the database applied the call, before the reply is read. */
        CRASH_AFTER;

        boolean stalls() {
            return this == STALL || this == STALL_REPLY;
        }
    }

    /** A call of the trace: the {@code nth} (1-based) call of {@code step}. */
    record Call(Step step, int nth) {
        @Override
        public String toString() {
            return step + "#" + nth;
        }
    }

    /** The writer or reader process was killed: an {@code Error}, so no {@code catch (RuntimeException)} runs. */
    static final class ProcessKilled extends Error {
        ProcessKilled(Call call) {
            super("process killed at " + call);
        }
    }

    private final LogStore delegate;
    private final Map<Step, Integer> calls = new EnumMap<>(Step.class);
    private final List<Call> trace = new ArrayList<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<Call, Fault> plan = new HashMap<>();
    private volatile boolean dead;

    FaultInjectingLogStore(LogStore delegate) {
        this.delegate = delegate;
    }

    /**
     * Starts counting calls (and tracing) afresh with these faults armed, each hitting the {@code nth} call of its
     * step from now on. At most one of them may stall.
     */
    synchronized FaultInjectingLogStore arm(Map<Call, Fault> faults) {
        calls.clear();
        trace.clear();
        plan.clear();
        plan.putAll(faults);
        return this;
    }

    synchronized List<Call> trace() {
        return List.copyOf(trace);
    }

    /** Whether every armed fault has been hit. */
    synchronized boolean allFired() {
        return plan.isEmpty();
    }

    /** Waits until the armed STALL has caught its call; false if it never did. */
    boolean awaitStalled() throws InterruptedException {
        return stalled.await(10, TimeUnit.SECONDS);
    }

    void release() {
        released.countDown();
    }

    private <T> T call(Step step, Supplier<T> operation) {
        if (dead) {
            throw new ProcessKilled(new Call(step, 0)); // nth 0: a call the dead process never got to make
        }
        Fault hit = null;
        Call call;
        synchronized (this) {
            int nth = calls.merge(step, 1, Integer::sum);
            call = new Call(step, nth);
            trace.add(call);
            hit = plan.remove(call);
        }
        if (hit == null) {
            return operation.get();
        }
        switch (hit) {
            case STALL -> {
                stalled.countDown();
                awaitRelease();
                return operation.get();
            }
            case STALL_REPLY -> {
                try {
                    return operation.get();
                } finally {
                    stalled.countDown();
                    awaitRelease();
                }
            }
            case LOSE_REPLY -> {
                applyIgnoringReply(operation);
                throw lostReply(call);
            }
            case FAIL -> throw lostReply(call);
            case CRASH_BEFORE -> {
                dead = true;
                throw new ProcessKilled(call);
            }
            case CRASH_AFTER -> {
                applyIgnoringReply(operation);
                dead = true;
                throw new ProcessKilled(call);
            }
            default -> throw new IllegalStateException(hit.toString());
        }
    }

    /** The database did what it does with the call (an error reply included); the reply itself is lost. */
    private static void applyIgnoringReply(Supplier<?> operation) {
        try {
            operation.get();
        } catch (RuntimeException replyNeverRead) {
            // e.g. a duplicate key: the server answered, but the answer never reaches the caller
        }
    }

    private void awaitRelease() {
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("stalled call never released by the test");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MongoSocketReadException lostReply(Call call) {
        return new MongoSocketReadException("injected: connection reset at " + call, new ServerAddress());
    }

    private void run(Step step, Runnable operation) {
        call(step, () -> {
            operation.run();
            return null;
        });
    }

    @Override
    public Allocation allocate(Instant latestEventTime) {
        return call(Step.ALLOCATE, () -> delegate.allocate(latestEventTime));
    }

    @Override
    public long allocated() {
        return call(Step.READ_ALLOCATED, delegate::allocated);
    }

    @Override
    public long filledThrough() {
        return call(Step.READ_FILLED_THROUGH, delegate::filledThrough);
    }

    /** Not a step of an append or a read, only a rebuild's progress: no fault of its own to inject. */
    @Override
    public long storedEvents() {
        return delegate.storedEvents();
    }

    @Override
    public void raiseFilledThrough(long position) {
        run(Step.RAISE_FILLED_THROUGH, () -> delegate.raiseFilledThrough(position));
    }

    @Override
    public Map<String, Document> findEntries(Collection<String> keys) {
        return call(Step.FIND_ENTRIES, () -> delegate.findEntries(keys));
    }

    @Override
    public void insertEntries(List<Document> entries) {
        run(Step.INSERT_ENTRIES, () -> delegate.insertEntries(entries));
    }

    @Override
    public boolean replaceVoidEntry(String key, long sealedPosition, Document entry) {
        return call(Step.REPLACE_VOID_ENTRY, () -> delegate.replaceVoidEntry(key, sealedPosition, entry));
    }

    @Override
    public Map<Long, Document> findCommits(Collection<Long> positions) {
        return call(Step.FIND_COMMITS, () -> delegate.findCommits(positions));
    }

    @Override
    public Map<Long, Document> findCommitsWithFirstEventOf(Collection<Long> positions, String aggregateIdentifier) {
        return call(Step.FIND_COMMITS_WITH_FIRST_EVENT,
                () -> delegate.findCommitsWithFirstEventOf(positions, aggregateIdentifier));
    }

    @Override
    public Map<Long, Document> findCommitHeaders(Collection<Long> positions) {
        return call(Step.FIND_COMMIT_HEADERS, () -> delegate.findCommitHeaders(positions));
    }

    @Override
    public void insertCommit(Document commit) {
        run(Step.INSERT_COMMIT, () -> delegate.insertCommit(commit));
    }

    @Override
    public void insertTombstone(Document tombstone) {
        run(Step.INSERT_TOMBSTONE, () -> delegate.insertTombstone(tombstone));
    }

    @Override
    public Document findCommitByRequest(String requestKey) {
        return call(Step.FIND_REQUEST, () -> delegate.findCommitByRequest(requestKey));
    }
}
