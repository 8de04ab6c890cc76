/**
 * Integration with provincial systems over Kafka. Domain events never leave the service as they are: they are mapped
 * to integration events, a separate versioned schema (docs/integration), published with CloudEvents headers.
 */
package vn.partyledger.infra.integration;
