package vn.partyledger.infra.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JSON Schemas published under docs/integration, read from the files a provincial integrator is given and
 * applied with an independent validator (networknt, draft 2020-12, formats asserted).
 */
public final class PublishedSchemas {

    public static final Path DIRECTORY = Path.of("..", "docs", "integration");
    private static final String SUFFIX = ".schema.json";
    private static final String TYPE_PREFIX = "vn.partyledger.";

    private final Map<String, Schema> byName = new TreeMap<>();

    public PublishedSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                byName.put(name.substring(0, name.length() - SUFFIX.length()),
                        registry.getSchema(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema names, e.g. {@code member.admitted.v1}. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** What is wrong with a message of that CloudEvents type; a type without a published schema is an error too. */
    public List<String> errors(String ceType, JsonNode message) {
        Schema schema = ceType.startsWith(TYPE_PREFIX) ? byName.get(ceType.substring(TYPE_PREFIX.length())) : null;
        if (schema == null) {
            return List.of("no published schema for " + ceType);
        }
        return schema.validate(message,
                        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
