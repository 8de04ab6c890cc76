package vn.partyledger.infra.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/party-ledger-exec.jar}) run as a separate process on 127.0.0.1, on its embedded
 * servers, with a data directory that outlives it: started, waited for, and killed with SIGKILL.
 */
final class PackagedApplication implements AutoCloseable {

    private static final Path JAR = Path.of("target", "party-ledger-exec.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final int mongoPort;

    private PackagedApplication(Process process, int port, int mongoPort) {
        this.process = process;
        this.port = port;
        this.mongoPort = mongoPort;
    }

    /** Starts the jar on {@code dataDir}, logging to {@code log}, and returns once {@code /actuator/health} is UP. */
    static PackagedApplication start(Path dataDir, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run this test with ./mvnw verify");
        }
        int port = freePort();
        int mongoPort = freePort();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xss512k",
                // start-up dominates this test on two shared cores: C1 only, one compiler thread and a serial
                // collector start faster and leave the other core to the test's clients
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
                "-Duser.home=" + Path.of("target", "home").toAbsolutePath(),
                "-Daxoniq.update-checker.disabled=true",
                "-jar", JAR.toAbsolutePath().toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--partyledger.data-dir=" + dataDir.toAbsolutePath(),
                "--partyledger.mongodb.embedded.port=" + mongoPort,
                "--partyledger.kafka.embedded.port=0",
                "--partyledger.kafka.embedded.controller-port=0"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        PackagedApplication application = new PackagedApplication(builder.start(), port, mongoPort);
        try {
            application.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            application.close();
            throw e;
        }
        return application;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The embedded MongoDB-wire server's connection string, to read what the application stored. */
    String mongoConnectionString() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** SIGKILL on Linux: no shutdown hook, no store close, no flush. */
    void killNine() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The application did not die within 30 s of SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killNine();
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue()
                        + " while starting; see its log");
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application was not UP within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
