/**
 * The event store: Axon's storage engine contract implemented on MongoDB with one document per append and key
 * lookups only ({@link vn.partyledger.infra.eventstore.MongoEventStorageEngine}). Start with
 * {@link vn.partyledger.infra.eventstore.AppendProtocol} to see how an append becomes visible, and with
 * {@link vn.partyledger.infra.eventstore.PositionSealer} to see why no reader ever skips a position.
 * See docs/adr/0019-one-commit-document-per-append.md and docs/event-hash.md.
 */
package vn.partyledger.infra.eventstore;
