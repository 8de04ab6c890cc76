/**
 * Kafka connectivity for the whole application: {@link vn.partyledger.infra.kafka.KafkaEndpoint}, the admin, an
 * idempotent {@code KafkaTemplate} and the default listener container factory, pointed at
 * {@code partyledger.kafka.bootstrap-servers} or, when that is empty, at an in-process single-node KRaft broker bound
 * to 127.0.0.1 with its log under the data dir. See docs/adr/0003-embedded-servers.md.
 */
package vn.partyledger.infra.kafka;
