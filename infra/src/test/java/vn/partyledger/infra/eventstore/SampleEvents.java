package vn.partyledger.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small event payloads and message factories for the contract tests. */
final class SampleEvents {

    static final String AGGREGATE_TYPE = "SampleAccount";

    record AccountOpened(String accountId, long openingBalance) {
    }

    record MoneyDeposited(String accountId, long amount, BigDecimal exchangeRate, List<String> tags) {
        MoneyDeposited(String accountId, long amount) {
            this(accountId, amount, new BigDecimal("1.0000000000000000001"), List.of("cash", "branch-" + amount % 7));
        }
    }

    private SampleEvents() {
    }

    static DomainEventMessage<?> opened(String accountId) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, accountId, 0, new AccountOpened(accountId, 0),
                                               metaData());
    }

    static DomainEventMessage<?> deposited(String accountId, long sequenceNumber, long amount) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, accountId, sequenceNumber,
                                               new MoneyDeposited(accountId, amount), metaData());
    }

    /** Event {@code sequenceNumber} of an account: opened at 0, a deposit after that. */
    static DomainEventMessage<?> event(String accountId, long sequenceNumber) {
        return sequenceNumber == 0 ? opened(accountId) : deposited(accountId, sequenceNumber, sequenceNumber * 10);
    }

    static DomainEventMessage<?> eventAt(String accountId, long sequenceNumber, Instant timestamp) {
        Object payload = sequenceNumber == 0
                ? new AccountOpened(accountId, 0)
                : new MoneyDeposited(accountId, sequenceNumber * 10);
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, accountId, sequenceNumber, payload, metaData(),
                                               UUID.randomUUID().toString(), timestamp);
    }

    static MetaData metaData() {
        return MetaData.from(Map.of("actor", Map.of("user", "secretary-01", "role", "BRANCH_SECRETARY"),
                                    "requestId", UUID.randomUUID().toString()));
    }
}
