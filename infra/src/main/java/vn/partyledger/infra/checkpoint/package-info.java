/**
 * The Merkle tree over the log (RFC 9162 style, the events' stored hashes as leaves, in log order), the checkpoints
 * recorded of it and the inclusion and consistency proofs against them. Start with
 * {@link vn.partyledger.infra.checkpoint.CheckpointRecorder}; the format is docs/log-proofs.md, the decision
 * docs/adr/0043-log-checkpoints-and-proofs.md.
 */
package vn.partyledger.infra.checkpoint;
