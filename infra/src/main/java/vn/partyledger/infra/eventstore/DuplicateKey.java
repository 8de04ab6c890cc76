package vn.partyledger.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

/** Recognises a unique-key violation, however the driver reports it (single write, bulk write or command). */
public final class DuplicateKey {

    private DuplicateKey() {
    }

    public static boolean is(Throwable e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (e instanceof MongoCommandException command) {
            return ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    }

    /** The index, in an ordered bulk insert, of the document refused as a duplicate; -1 if none was. */
    static int indexIn(MongoException e) {
        if (e instanceof MongoBulkWriteException bulk) {
            for (BulkWriteError error : bulk.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    return error.getIndex();
                }
            }
        }
        return -1;
    }

    /** Whether the duplicate is on the given unique field (the server names the index in its message). */
    static boolean onField(MongoException e, String field) {
        String message = e.getMessage();
        return message != null && message.contains(field);
    }
}
