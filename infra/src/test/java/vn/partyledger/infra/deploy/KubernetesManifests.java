package vn.partyledger.infra.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every object of {@code deploy/kubernetes/*.yaml}, each file a stream of YAML documents. */
record KubernetesManifests(List<Map<String, Object>> objects) {

    static final Path DIRECTORY = ComposeFile.DIRECTORY.resolve("kubernetes");

    static KubernetesManifests read() {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)
                            .forEach(document -> objects.add(map(document)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("deploy/kubernetes cannot be read", e);
        }
        return new KubernetesManifests(objects);
    }

    Map<String, Object> find(String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")) && name.equals(at(object, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/kubernetes"));
    }

    /** The value at a path of map keys, e.g. {@code at(workload, "spec", "replicas")}. */
    static Object at(Map<String, Object> object, String... keys) {
        Object node = object;
        for (String key : keys) {
            node = map(node).get(key);
        }
        return node;
    }

    /** A workload's (StatefulSet, Deployment, Job) only container. */
    static Map<String, Object> container(Map<String, Object> workload) {
        List<?> containers = (List<?>) at(workload, "spec", "template", "spec", "containers");
        return map(containers.get(0));
    }

    /**
     * The variables a workload's container is given: its ConfigMaps' data ({@code envFrom}), then its own {@code env};
     * a value taken from a Secret reads {@code secret:<name>/<key>}.
     */
    Map<String, String> environment(Map<String, Object> workload) {
        Map<String, Object> container = container(workload);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object source : (List<?>) container.getOrDefault("envFrom", List.of())) {
            String configMap = (String) at(map(source), "configMapRef", "name");
            map(at(find("ConfigMap", configMap), "data")).forEach((key, value) -> environment.put(key, (String) value));
        }
        for (Object entry : (List<?>) container.getOrDefault("env", List.of())) {
            Map<String, Object> variable = map(entry);
            Object secret = at(variable, "valueFrom") == null ? null : at(variable, "valueFrom", "secretKeyRef");
            environment.put((String) variable.get("name"), secret == null ? String.valueOf(variable.get("value"))
                    : "secret:" + at(map(secret), "name") + "/" + at(map(secret), "key"));
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
