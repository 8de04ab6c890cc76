package vn.partyledger.infra.kafka;

/**
 * Where Kafka is. Every Kafka client of the application (producers, consumers, admin) is built from this bean, never
 * from the properties, so the embedded broker's actual port is always the one used.
 *
 * @param bootstrapServers comma-separated {@code host:port} list, as clients expect it
 * @param embedded         true when it points at the in-process {@link EmbeddedKafkaBroker}
 */
public record KafkaEndpoint(String bootstrapServers, boolean embedded) {
}
