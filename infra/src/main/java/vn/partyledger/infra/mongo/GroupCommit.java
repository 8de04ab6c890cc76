package vn.partyledger.infra.mongo;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.exception.MongoServerException;

/**
 * Makes writes durable before they are answered, many writes per disk sync.
 *
 * <p>A write takes a ticket and is applied under the shared side of a lock. Then it waits until a sync covering its
 * ticket has completed. The first waiter that finds no sync running leads one: it takes the lock exclusively only for
 * {@link Store#commit()}, which takes a snapshot of what is applied, so the commit never sees a write half applied (one
 * insert updates several maps: data and unique indexes); it notes the highest ticket applied so far, releases the lock
 * and runs {@link Store#sync()}, which waits until the snapshot is written and forces it to disk; every write up to
 * that ticket is then durable. Writes go on while the snapshot is written. Writers that applied while a sync was
 * running are covered together by the next one, so under load the number of syncs stays far below the number of
 * writes.
 *
 * <p>A write that did not ask for the journal ({@link #applied}: MongoDB's {@code w:1} without {@code j}, as the read
 * models and Axon's token store write) is answered once applied and reaches the disk with the next sync: the next
 * journaled write's, or the flusher's, which runs every {@code flushInterval} while such writes are pending — as
 * MongoDB answers such writes before its journal commit, at most 100 ms later. Every commit is a snapshot of all writes
 * applied so far, so what survives a crash is always a prefix of what was applied: a projection is never ahead of the
 * events it was built from.
 *
 * <p>A read's answer is held back ({@link #readDurably}) until every journaled write it could have seen — every such
 * ticket taken before the read finished, including writes still being applied — is on disk. Otherwise a reader could
 * act on an event (publish it to Kafka) that a crash a millisecond later takes back. A read of one collection could
 * have seen only the journaled writes to that collection and those that name no one collection (creating, dropping,
 * renaming): a read of a read model does not wait for the sync of an event commit that arrived meanwhile (ADR 0066).
 *
 * <p>A failed commit or sync is final: the writes it covered are answered with an error, and so is every later write,
 * refused before it is applied. After a failed {@code fsync} the kernel may have dropped the dirty pages, so a
 * retry that "succeeds" proves nothing (PostgreSQL stops for the same reason); only a restart, which reads back what
 * is really on disk, recovers.
 */
final class GroupCommit {

    /** The store whose applied changes are made durable. */
    interface Store {

        /**
         * Takes a snapshot of every applied change and starts writing it to the file; called while no write is being
         * applied. Writes may be applied again once it returns: they are not part of the snapshot.
         */
        void commit();

        /** Waits until the snapshot {@link #commit()} took is written, and forces it to the disk. */
        void sync();

        /** Runs {@code read}, concurrent with commits, so that the version it reads stays readable until it ends. */
        default <T> T reading(Supplier<T> read) {
            return read.get();
        }
    }

    private final Store store;
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    private final AtomicLong lastTicket = new AtomicLong();
    /** The highest ticket of a journaled write taken so far: what a read of no one collection waits for. */
    private final AtomicLong lastJournaledTicket = new AtomicLong();
    /** The highest ticket of a journaled write that names no one collection: what every read waits for. */
    private final AtomicLong lastUnscopedJournaledTicket = new AtomicLong();
    /** Per collection, the highest ticket of a journaled write to it. */
    private final Map<String, AtomicLong> lastJournaledTicketOf = new ConcurrentHashMap<>();
    private final Object monitor = new Object();
    private final LongAdder writes = new LongAdder();
    private final LongAdder syncs = new LongAdder();

    /** Highest ticket known to be on disk; guarded by {@code monitor}. */
    private long durableTicket;
    /** Whether a leader is committing and syncing; guarded by {@code monitor}. */
    private boolean syncing;
    /** The first commit or sync failure; written under {@code monitor}, read without it to refuse writes early. */
    private volatile Throwable failure;
    private final ScheduledExecutorService flusher;

    /** Without a flusher: a write that did not ask for the journal waits for the next journaled one (tests). */
    GroupCommit(Store store) {
        this.store = store;
        this.flusher = null;
    }

    /** With a flusher that syncs pending writes that did not ask for the journal every {@code flushInterval}. */
    GroupCommit(Store store, Duration flushInterval) {
        this.store = store;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-flusher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushPending, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Applies {@code write} and returns its result once it is on disk.
     *
     * @throws MongoServerException when the store can no longer make writes durable (the write may be applied in
     *                              memory, but it is not acknowledged)
     */
    <T> T durably(Supplier<T> write) {
        return durably(Optional.empty(), write);
    }

    /**
     * Applies {@code write}, to {@code collection} alone when one is given, and returns its result once it is on
     * disk.
     *
     * @throws MongoServerException when the store can no longer make writes durable (the write may be applied in
     *                              memory, but it is not acknowledged)
     */
    <T> T durably(Optional<String> collection, Supplier<T> write) {
        refuseIfFailed();
        T result;
        long ticket;
        applying.readLock().lock();
        try {
            // taken before applying, so that a read overlapping the write waits for it (see readDurably)
            ticket = lastTicket.incrementAndGet();
            lastJournaledTicket.accumulateAndGet(ticket, Math::max);
            collection.map(name -> lastJournaledTicketOf.computeIfAbsent(name, any -> new AtomicLong()))
                    .orElse(lastUnscopedJournaledTicket).accumulateAndGet(ticket, Math::max);
            result = write.get();
        } finally {
            applying.readLock().unlock();
        }
        awaitDurable(ticket);
        writes.increment();
        return result;
    }

    /**
     * Applies {@code write} and returns its result at once; it is on disk after the next sync.
     *
     * @throws MongoServerException when the store can no longer make writes durable (nothing is applied)
     */
    <T> T applied(Supplier<T> write) {
        refuseIfFailed();
        applying.readLock().lock();
        try {
            lastTicket.incrementAndGet();
            T result = write.get();
            writes.increment();
            return result;
        } finally {
            applying.readLock().unlock();
        }
    }

    /** The flusher's round: sync if any write is not on disk yet; a failure is kept and refuses later writes. */
    private void flushPending() {
        long pending = lastTicket.get();
        synchronized (monitor) {
            if (durableTicket >= pending || failure != null) {
                return;
            }
        }
        try {
            awaitDurable(pending);
        } catch (RuntimeException e) {
            // recorded in failure by the sync that failed; writers and readers are refused from now on
        }
    }

    /**
     * Runs {@code read} and returns its result once every write it could have seen is on disk; at once when no write
     * is pending, the common case for reads.
     *
     * @throws MongoServerException when the store can no longer make writes durable and the read may have seen one
     *                              that is not
     */
    <T> T readDurably(Supplier<T> read) {
        return readDurably(Optional.empty(), read);
    }

    /**
     * Runs {@code read}, of {@code collection} alone when one is given, and returns its result once every journaled
     * write it could have seen is on disk: those to that collection and those naming no one collection.
     */
    <T> T readDurably(Optional<String> collection, Supplier<T> read) {
        T result = store.reading(read);
        awaitDurable(collection.map(name -> Math.max(lastUnscopedJournaledTicket.get(), lastJournaledTicketTo(name)))
                .orElseGet(lastJournaledTicket::get));
        return result;
    }

    private long lastJournaledTicketTo(String collection) {
        AtomicLong ticket = lastJournaledTicketOf.get(collection);
        return ticket == null ? 0 : ticket.get();
    }

    /** The commit or sync failure after which every write is refused, if there was one. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Runs {@code closing} (which commits the store) while no write is being applied and no commit runs. The flusher
     * is stopped, not interrupted: an interrupt in the middle of its sync closes the store's file channel (NIO), and
     * the closing commit could then write nothing — every write not yet synced would be lost.
     */
    void closeExclusively(Runnable closing) {
        if (flusher != null) {
            flusher.shutdown();
            try {
                if (!flusher.awaitTermination(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the store's flusher did not finish its sync within 30 s");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        applying.writeLock().lock();
        try {
            closing.run();
        } finally {
            applying.writeLock().unlock();
        }
    }

    SyncCounts counts() {
        return new SyncCounts(writes.sum(), syncs.sum());
    }

    private void awaitDurable(long ticket) {
        while (true) {
            synchronized (monitor) {
                while (syncing && durableTicket < ticket && failure == null) {
                    waitForLeader();
                }
                if (durableTicket >= ticket) {
                    return; // also after a failure: what this ticket covers is on disk
                }
                refuseIfFailed();
                syncing = true;
            }
            commitAndSync();
        }
    }

    /** The leader's work: commit under the exclusive lock, sync outside it, then wake the followers. */
    private void commitAndSync() {
        long covered;
        try {
            applying.writeLock().lock();
            try {
                covered = lastTicket.get();
                store.commit();
            } finally {
                applying.writeLock().unlock();
            }
            store.sync();
        } catch (RuntimeException | Error e) {
            synchronized (monitor) {
                failure = e;
                syncing = false;
                monitor.notifyAll();
            }
            throw e;
        }
        syncs.increment();
        synchronized (monitor) {
            durableTicket = covered;
            syncing = false;
            monitor.notifyAll();
        }
    }

    private void waitForLeader() {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoServerException("Interrupted before the write was on disk; it is not acknowledged", e);
        }
    }

    private void refuseIfFailed() {
        Throwable cause = failure;
        if (cause != null) {
            throw new MongoServerException("The embedded store could not write to disk (" + cause
                    + "); writes are refused until it is restarted", cause);
        }
    }
}
