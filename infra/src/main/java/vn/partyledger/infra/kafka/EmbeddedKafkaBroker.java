package vn.partyledger.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, combined broker + controller) running inside this JVM, started from the
 * {@code kafka_2.13} jars exactly the way {@code kafka-server-start.sh} does: format the log directory once with
 * {@code kafka-storage format}, then run {@link KafkaRaftServer}.
 *
 * <p>Both listeners bind and advertise 127.0.0.1 only, so the broker never resolves a host name nor talks to another
 * machine. Everything it writes is under the log directory: the partitions, the {@code __cluster_metadata} log, and
 * {@code meta.properties}, which holds the cluster id chosen at the first start — a restart finds it and reuses the
 * log instead of formatting again.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String clusterId;
    private final int port;
    private final int controllerPort;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, String clusterId, int port, int controllerPort) {
        this.server = server;
        this.logDir = logDir;
        this.clusterId = clusterId;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code logDir} if it holds no {@code meta.properties} yet, then starts the broker and returns once it
     * is unfenced and serving.
     *
     * @param port           client listener port, 0 = a free port
     * @param controllerPort KRaft controller listener port, 0 = a free port
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) {
        long started = System.nanoTime();
        Path dir = logDir.toAbsolutePath().normalize();
        int clientPort = port == 0 ? freePort() : port;
        int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
        Map<String, String> config = brokerConfig(dir, clientPort, quorumPort);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka log dir " + dir, e);
        }
        String clusterId = readClusterId(dir);
        if (clusterId == null) {
            clusterId = Uuid.randomUuid().toString();
            format(dir, config, clusterId);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutDown(server);
            throw e;
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dir, clusterId, clientPort, quorumPort);
        log.info("Embedded Kafka broker (KRaft, cluster {}) on {} with log dir {} started in {} ms",
                clusterId, broker.bootstrapServers(), dir, (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    /**
     * The broker configuration. Single node, so every internal topic has replication factor 1; small internal-topic
     * partition counts and thread pools keep it light on a small machine.
     */
    static Map<String, String> brokerConfig(Path logDir, int port, int controllerPort) {
        Map<String, String> c = new TreeMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", String.valueOf(NODE_ID));
        // Static single-voter quorum: no dynamic-quorum bootstrap needed at format time.
        c.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        c.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        // An explicit host everywhere: with an empty one Kafka would look up and advertise the machine's host name.
        c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("log.dirs", logDir.toString());
        c.put("auto.create.topics.enable", "false");
        c.put("num.partitions", "1");
        c.put("default.replication.factor", "1");
        c.put("min.insync.replicas", "1");
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "1");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("transaction.state.log.num.partitions", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        // Defaults sized for a dedicated broker machine (8 I/O threads, 128 MiB cleaner buffer) are too much here.
        c.put("num.network.threads", "2");
        c.put("num.io.threads", "2");
        c.put("background.threads", "2");
        c.put("num.recovery.threads.per.data.dir", "1");
        c.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return c;
    }

    /** Runs {@code kafka-storage format --config <file> --cluster-id <id>} on the log dir, as an operator would. */
    private static void format(Path logDir, Map<String, String> config, String clusterId) {
        Path configFile = logDir.resolve("format.properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Properties properties = new Properties();
            properties.putAll(config);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, "Embedded Kafka broker, used once to format this directory");
            }
            int exit;
            try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exit = StorageTool.execute(
                        new String[] {"format", "--config", configFile.toString(), "--cluster-id", clusterId}, print);
            }
            String printed = output.toString(StandardCharsets.UTF_8).trim();
            if (exit != 0) {
                throw new IllegalStateException("Formatting Kafka log dir " + logDir + " failed: " + printed);
            }
            log.info("Formatted Kafka log dir {} for new cluster {}: {}", logDir, clusterId, printed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka log dir " + logDir, e);
        } finally {
            try {
                Files.deleteIfExists(configFile);
            } catch (IOException e) {
                log.warn("Could not delete {}", configFile, e);
            }
        }
    }

    /** The cluster id recorded by a previous format, or {@code null} if the directory was never formatted. */
    private static String readClusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        String id = properties.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(meta + " has no cluster.id: the Kafka log dir is damaged");
        }
        return id;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** {@code 127.0.0.1:<port>} */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public String clusterId() {
        return clusterId;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    /** Controlled shutdown: flushes and closes every log, so the next start needs no recovery. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        shutDown(server);
        log.info("Embedded Kafka broker on {} stopped in {} ms", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
