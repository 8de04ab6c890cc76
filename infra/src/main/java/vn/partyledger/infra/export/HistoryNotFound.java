package vn.partyledger.infra.export;

/** An export asked of a record the log does not hold as the kind asked for: answered 404 before anything is sent. */
public class HistoryNotFound extends RuntimeException {

    HistoryNotFound(HistoryScope scope) {
        super("No " + scope.kind() + " with id " + scope.recordId() + " is recorded in the log.");
    }
}
