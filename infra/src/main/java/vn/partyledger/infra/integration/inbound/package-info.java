/**
 * The inbound integration (ADR 0045): messages other provinces address to this one are validated against their
 * published schema and turned into commands at the boundary, applied once per {@code ce_id}; what cannot be applied
 * goes to the dead-letter topic with its reason, where an administrator lists it and retries it after a fix.
 */
package vn.partyledger.infra.integration.inbound;
