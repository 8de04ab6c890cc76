package vn.partyledger.infra.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import vn.partyledger.infra.PartyLedgerApplication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The application started on its own (not the context tests share), on free ports and a data dir of the test's, for
 * tests that stop and start it or its broker.
 */
final class StandaloneApplication {

    private StandaloneApplication() {
    }

    static ConfigurableApplicationContext start(Path dataDir, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--partyledger.data-dir=" + dataDir,
                "--partyledger.mongodb.embedded.port=0",
                "--partyledger.kafka.embedded.port=0",
                "--partyledger.kafka.embedded.controller-port=0",
                // the tests' users, whose board acts for the root every Scenario's tree hangs from
                "--spring.config.additional-location=classpath:/test-users.properties"));
        arguments.addAll(List.of(moreArguments));
        return new SpringApplicationBuilder(PartyLedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The board acting for the test tree's root, over HTTP to the started application. */
    static RestClient board(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic "
                        + Base64.getEncoder().encodeToString("board:board-local-only".getBytes()))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
