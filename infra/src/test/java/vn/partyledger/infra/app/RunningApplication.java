package vn.partyledger.infra.app;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The whole application on its embedded servers (in-memory Mongo backend, KRaft broker, free ports), driven over real
 * HTTP. Every test class extending this shares one started application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "partyledger.mongodb.embedded.port=0",
        "partyledger.mongodb.embedded.backend=memory",
        "partyledger.kafka.embedded.port=0",
        "partyledger.kafka.embedded.controller-port=0"
})
@AutoConfigureObservability
abstract class RunningApplication {

    /**
     * One directory for the whole test JVM, under target/: the started application is cached and shared by test
     * classes, so its data must outlive each class (a per-class @TempDir would be deleted under the running broker).
     */
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("partyledger.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "app-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RestClient as(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    RestClient secretary() {
        return as("secretary", "secretary-local-only");
    }

    RestClient anonymous() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
