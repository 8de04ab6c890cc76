/**
 * The history of a member, or of an organisation over business dates, exported for auditors as one JSON Lines file
 * that verifies offline (every stored field of each event, its hash chain link, the covering checkpoint and each
 * event's inclusion proof: docs/log-proofs.md §8), and the same history as a readable HTML summary. Start with
 * {@link vn.partyledger.infra.export.HistoryExport}; the decision is docs/adr/0047-history-export-for-auditors.md.
 */
package vn.partyledger.infra.export;
