/**
 * The event store: Axon's storage engine contract implemented on MongoDB with key lookups only
 * ({@link vn.partyledger.infra.eventstore.MongoEventStorageEngine}), so that appends, aggregate loads and tracking
 * batches cost the same on a store of any size, on real MongoDB and on the embedded mongo-java-server alike.
 * Concurrency is decided per aggregate by compare-and-set on its head document; tracking uses Axon's
 * GapAwareTrackingToken; each aggregate's events form a hash chain that auditors can verify.
 * See docs/adr/0002-mongo-event-storage-engine.md.
 */
package vn.partyledger.infra.eventstore;
