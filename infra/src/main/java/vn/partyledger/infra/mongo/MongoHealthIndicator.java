package vn.partyledger.infra.mongo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health contributor {@code mongo}: a {@code ping} through the driver, bounded by a client-side operation timeout so
 * an unreachable server turns the check DOWN quickly instead of blocking for the driver's 30 s server selection.
 *
 * <p>The embedded server still answers a ping after its store failed to sync, while it refuses every write until
 * restarted: that is DOWN too, with the failure as the reason, so the operator restarts it.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoEndpoint endpoint;
    private final Duration timeout;
    private final EmbeddedMongoServer embedded;

    /** {@code embedded} is the server {@code endpoint} points at, or {@code null} for an external MongoDB. */
    public MongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint, Duration timeout,
                                EmbeddedMongoServer embedded) {
        super("MongoDB health check failed");
        this.database = database;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<Throwable> storeFailure = embedded == null ? Optional.empty() : embedded.storeFailure();
        if (storeFailure.isPresent()) {
            builder.down()
                    .withDetail("database", database.getName())
                    .withDetail("embedded", true)
                    .withDetail("reason", "the embedded store could not write to disk and refuses writes until it is"
                            + " restarted: " + storeFailure.get());
            return;
        }
        Document reply = database.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("database", database.getName())
                .withDetail("embedded", endpoint.embedded())
                .withDetail("ok", reply.get("ok"));
    }
}
