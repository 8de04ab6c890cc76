/**
 * The Spring Boot application: HTTP API, event storage engine, embedded servers, Kafka adapters, security and
 * metrics. It wires the pure command-side and query-side modules into one running service.
 */
package vn.partyledger.infra;
