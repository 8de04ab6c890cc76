/**
 * Projection writes held for the processor batch they belong to and sent as one bulk write per collection when the
 * batch commits, before its token is stored (ADR 0038).
 */
package vn.partyledger.query.batch;
