/**
 * Rebuilding a projection from the log while it keeps answering (issue 11 item 9, ADR 0037): each projection's
 * collections carry a generation; a rebuild fills a fresh one beside the active one and switches over in one step.
 */
package vn.partyledger.infra.rebuild;
