package vn.partyledger.infra.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health contributor {@code kafka}: {@code describeCluster} through one long-lived admin client, with a short
 * timeout so an unreachable cluster turns the check DOWN within seconds. The client is created at the first check:
 * an external bootstrap host that does not resolve (yet) makes the check DOWN instead of failing the start-up.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaEndpoint endpoint;
    private final Duration timeout;
    private Admin admin;
    private boolean destroyed;

    public KafkaHealthIndicator(KafkaEndpoint endpoint, Duration timeout) {
        super("Kafka health check failed");
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    private synchronized Admin admin() {
        if (destroyed) {
            throw new IllegalStateException("shutting down");
        }
        if (admin == null) {
            int millis = (int) timeout.toMillis();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "party-ledger-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
        }
        return admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        long waitMillis = timeout.toMillis() + 500;
        String clusterId = cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS);
        builder.up()
                .withDetail("clusterId", clusterId)
                .withDetail("nodes", nodes.size())
                .withDetail("embedded", endpoint.embedded());
    }

    @Override
    public synchronized void destroy() {
        destroyed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
