package vn.partyledger.infra.mongo;

import org.h2.mvstore.MVStore;

/** An H2 MVStore file as a {@link GroupCommit.Store}. */
record MvStoreFile(MVStore store) implements GroupCommit.Store {

    /** Writes a new chunk with every map's current root; returns at once when nothing changed. */
    @Override
    public void commit() {
        store.commit();
    }

    /** {@code FileChannel.force(true)} on the store file (SingleFileStore.sync in H2 2.3). */
    @Override
    public void sync() {
        store.sync();
    }
}
