package vn.partyledger.infra.config;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tomcat's work and document directories go under the data directory: the service writes nothing elsewhere. */
@Component
class WebServerLocation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final PartyLedgerProperties properties;

    WebServerLocation(PartyLedgerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path tomcat = properties.dataDir().resolve("tomcat");
        factory.setBaseDirectory(directory(tomcat.resolve("work")));
        factory.setDocumentRoot(directory(tomcat.resolve("docroot")));
    }

    private static File directory(Path path) {
        try {
            return Files.createDirectories(path).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }
}
