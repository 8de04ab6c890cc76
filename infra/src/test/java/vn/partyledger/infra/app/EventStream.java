package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live read followed by a real HTTP client as a browser's EventSource would (ADR 0033, 0041): the data of each event
 * of one name, read on a thread of its own as the lines come.
 */
final class EventStream implements AutoCloseable {

    /** Bounds every wait for an event: far above the second a change takes to show, never a performance assertion. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpResponse<Stream<String>> response;
    private final String event;
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response, String event) {
        this.response = response;
        this.event = event;
        this.reader = new Thread(this::read, "live-" + event + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri} as the user and follows its events named {@code event}. */
    static EventStream follow(String uri, String user, String password, String event)
            throws IOException, InterruptedException {
        return new EventStream(HttpClient.newHttpClient().send(request(uri, user, password),
                HttpResponse.BodyHandlers.ofLines()), event);
    }

    /** The request an EventSource sends, with the user's basic credentials. */
    static HttpRequest request(String uri, String user, String password) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes()))
                .header("Accept", "text/event-stream")
                .GET().build();
    }

    /**
     * A stream refused as its plain read was: 403 both, the stream's as problem+json with the same code, before any
     * event.
     */
    static void assertRefusedAlike(ResponseEntity<JsonNode> plain, HttpResponse<String> refused) throws IOException {
        assertThat(plain.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("code")).isEqualTo(plain.getBody().get("code"));
    }

    /** Keeps the data of each event of the name: Spring writes {@code event:NAME} then {@code data:...}. */
    private void read() {
        String[] named = {""};
        try {
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    named[0] = line.substring("event:".length());
                } else if (line.startsWith("data:") && named[0].equals(event)) {
                    data.add(line.substring("data:".length()));
                }
            });
        } catch (UncheckedIOException closedByTheTest) {
            // the lines end here: close() cut the connection while they were read
        }
    }

    JsonNode next() throws InterruptedException, IOException {
        String next = data.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a %s event within %s", event, PATIENCE).isNotNull();
        return JSON.readTree(next);
    }

    /** Closing the body's stream closes the connection: the client is gone. */
    @Override
    public void close() throws InterruptedException {
        response.body().close();
        reader.join(PATIENCE.toMillis());
    }
}
