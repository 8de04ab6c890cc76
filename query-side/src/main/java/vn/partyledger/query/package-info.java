/**
 * The read models: projections that turn events into Mongo documents shaped per query, and their query handlers.
 * Every handler is idempotent: a redelivered or replayed event changes nothing twice.
 */
package vn.partyledger.query;
