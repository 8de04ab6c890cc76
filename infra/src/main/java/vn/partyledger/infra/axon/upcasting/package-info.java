/** Upcasters that read events stored under an earlier revision as their current records (ADR 0014). */
package vn.partyledger.infra.axon.upcasting;
