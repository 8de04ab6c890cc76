package vn.partyledger.infra.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health contributor {@code mongo}: a {@code ping} through the driver, bounded by a client-side operation timeout so
 * an unreachable server turns the check DOWN quickly instead of blocking for the driver's 30 s server selection.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoEndpoint endpoint;
    private final Duration timeout;

    public MongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint, Duration timeout) {
        super("MongoDB health check failed");
        this.database = database;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = database.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("database", database.getName())
                .withDetail("embedded", endpoint.embedded())
                .withDetail("ok", reply.get("ok"));
    }
}
