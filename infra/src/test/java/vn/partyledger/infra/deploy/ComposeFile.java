package vn.partyledger.infra.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code deploy/compose.yaml} as Compose reads it: anchors, aliases and merge keys ({@code <<}) resolved by the YAML
 * parser, so a service's settings are what the service is given whichever fragment they came from.
 */
record ComposeFile(Map<String, Map<String, Object>> services) {

    static final Path DIRECTORY = Path.of("..", "deploy");

    static ComposeFile read() {
        try (Reader reader = Files.newBufferedReader(DIRECTORY.resolve("compose.yaml"))) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, Map<String, Object>> services = new LinkedHashMap<>();
            map(document.get("services")).forEach((name, service) -> services.put(name, map(service)));
            return new ComposeFile(services);
        } catch (IOException e) {
            throw new IllegalStateException("deploy/compose.yaml cannot be read", e);
        }
    }

    /** The services that run an image of {@code imagePrefix} (e.g. {@code mongo:}), in file order. */
    Map<String, Map<String, Object>> running(String imagePrefix) {
        Map<String, Map<String, Object>> running = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith(imagePrefix)) {
                running.put(name, service);
            }
        });
        return running;
    }

    /** Compose's {@code environment}, as a map (the list form {@code KEY=value} is not used in our file). */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service.getOrDefault("environment", Map.of()))
                .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    static List<String> command(Map<String, Object> service) {
        return strings(service, "command");
    }

    /** Mounts in the short form {@code source:target[:mode]}. */
    static List<String> volumes(Map<String, Object> service) {
        return strings(service, "volumes");
    }

    private static List<String> strings(Map<String, Object> service, String key) {
        return ((List<?>) service.getOrDefault(key, List.of())).stream().map(String::valueOf).toList();
    }

    /** {@code depends_on}: the short form is a list of names, the long form a map of name to condition. */
    static List<String> dependencies(Map<String, Object> service) {
        Object dependsOn = service.getOrDefault("depends_on", List.of());
        return dependsOn instanceof Map<?, ?> conditions
                ? conditions.keySet().stream().map(String::valueOf).toList()
                : ((List<?>) dependsOn).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
