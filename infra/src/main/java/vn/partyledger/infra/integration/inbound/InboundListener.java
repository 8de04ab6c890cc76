package vn.partyledger.infra.integration.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Reads the inbound topic one message at a time (ADR 0045). A message that cannot be applied goes to the dead-letter
 * topic and the consumer moves on; its offset is committed once the dead letter is acknowledged. Any other failure
 * is thrown to the container's error handler, which tries the message again and, after its last attempt, hands it
 * to {@link #recoverer()}: the consumer never stops on one message.
 */
class InboundListener implements MessageListener<String, String> {

    private static final Logger log = LoggerFactory.getLogger(InboundListener.class);

    private final InboundProcessor processor;
    private final DeadLetters deadLetters;

    InboundListener(InboundProcessor processor, DeadLetters deadLetters) {
        this.processor = processor;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.of(record);
        try {
            InboundProcessor.Outcome outcome = processor.process(message);
            log.debug("Inbound {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), outcome);
        } catch (DeadLetter reason) {
            log.warn("Inbound {}-{}@{} dead-lettered ({}): {}", record.topic(), record.partition(), record.offset(),
                    reason.kind(), reason.getMessage());
            deadLetter(message, reason);
        }
    }

    /** The last attempt failed for a reason that is nobody's rule: the message is kept as a dead letter. */
    ConsumerRecordRecoverer recoverer() {
        return (record, failure) -> {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            deadLetter(InboundMessage.of(record), new DeadLetter(DeadLetter.Kind.FAILED,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        };
    }

    /** A dead letter Kafka did not take stops nothing but this message: the error handler tries it again. */
    private void deadLetter(InboundMessage message, DeadLetter reason) {
        try {
            deadLetters.send(message, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter", e);
        } catch (Exception e) {
            throw new IllegalStateException("the dead letter of " + message.topic() + "-" + message.partition() + "@"
                    + message.offset() + " was not acknowledged", e);
        }
    }
}
