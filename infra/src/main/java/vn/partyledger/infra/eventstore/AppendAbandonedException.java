package vn.partyledger.infra.eventstore;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The append gave up its commit position (or found it sealed by a reader) before its commit was stored: nothing of it
 * is or ever will be visible. Transient, like any concurrency conflict: the command may simply run again.
 */
public class AppendAbandonedException extends ConcurrencyException {

    AppendAbandonedException(String message) {
        super(message);
    }
}
