package vn.partyledger.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tiny event-sourced aggregate, loaded through Axon's EventSourcingRepository in the contract tests. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class SampleAccount {

    @AggregateIdentifier
    private String accountId;
    private long balance;
    private int deposits;

    SampleAccount() {
        // for Axon and Jackson
    }

    SampleAccount(String accountId) {
        apply(new SampleEvents.AccountOpened(accountId, 0));
    }

    void deposit(long amount) {
        apply(new SampleEvents.MoneyDeposited(accountId, amount));
    }

    @EventSourcingHandler
    void on(SampleEvents.AccountOpened event) {
        this.accountId = event.accountId();
        this.balance = event.openingBalance();
    }

    @EventSourcingHandler
    void on(SampleEvents.MoneyDeposited event) {
        this.balance += event.amount();
        this.deposits++;
    }

    String accountId() {
        return accountId;
    }

    long balance() {
        return balance;
    }

    int deposits() {
        return deposits;
    }
}
