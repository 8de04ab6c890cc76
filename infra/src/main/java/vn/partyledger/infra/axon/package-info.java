/** How Axon is put together here: aggregates, injected rule resources, event metadata and command outcomes. */
package vn.partyledger.infra.axon;
