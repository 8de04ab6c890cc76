package vn.partyledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP Basic client of an application a harness started, as the board user the import benchmark defines. */
public final class BenchClient {

    /** A command's answer: its HTTP status and body (the outcome, or the problem that refused it). */
    public record Response(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            (ImportBenchmark.USER + ":" + ImportBenchmark.PASSWORD).getBytes(StandardCharsets.UTF_8));

    public BenchClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public int post(String path, String json) throws IOException, InterruptedException {
        return http.send(postRequest(path, json), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A POST whose answer is read: a caller that follows the log position or reports refusals. */
    public Response exchange(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private HttpRequest postRequest(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
