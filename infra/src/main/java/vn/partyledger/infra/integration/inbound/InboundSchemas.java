package vn.partyledger.infra.integration.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published JSON Schemas of the types this province takes in, read from the classpath: the build copies them
 * from docs/integration (infra/pom.xml), so the files an integrator is given are the ones applied here. Draft 2020-12
 * with formats asserted, as the integrator's validator does.
 */
final class InboundSchemas {

    private static final String DIRECTORY = "integration/";
    private static final String SUFFIX = ".schema.json";

    private final Map<String, Schema> byName;

    InboundSchemas(Set<String> names) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        byName = names.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                name -> registry.getSchema(read(name))));
    }

    private static String read(String name) {
        String resource = DIRECTORY + name + SUFFIX;
        try (InputStream in = InboundSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no published schema " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the message, one line each; empty when it is valid. */
    List<String> errors(String name, JsonNode message) {
        return byName.get(name).validate(message,
                        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
