package vn.partyledger.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.infra.deploy.KubernetesManifests.at;
import static vn.partyledger.infra.deploy.KubernetesManifests.container;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code deploy/kubernetes/} (applied through {@code deploy/kustomization.yaml}) is the same shape as compose.yaml: three
 * application pods behind a Service, a three-member replica set, a three-broker KRaft cluster (ADR 0048). No cluster
 * runs here; the manifests are checked by reading them.
 */
class KubernetesShapeTest {

    private static final KubernetesManifests MANIFESTS = KubernetesManifests.read();
    private static final Map<String, Object> APPLICATION = MANIFESTS.find("Deployment", "party-ledger");
    private static final Map<String, Object> MONGO = MANIFESTS.find("StatefulSet", "mongo");
    private static final Map<String, Object> KAFKA = MANIFESTS.find("StatefulSet", "kafka");

    @Test
    void threeApplicationPodsBehindOneService() {
        Map<String, Object> service = MANIFESTS.find("Service", "party-ledger");

        assertThat(at(APPLICATION, "spec", "replicas")).isEqualTo(3);
        assertThat(at(service, "spec", "selector")).isEqualTo(at(APPLICATION, "spec", "template", "metadata", "labels"));
        Map<String, Object> port = KubernetesManifests.map(((List<?>) container(APPLICATION).get("ports")).get(0));
        assertThat(port).containsEntry("name", "http").containsEntry("containerPort", 8080);
        assertThat(KubernetesManifests.map(((List<?>) at(service, "spec", "ports")).get(0)))
                .containsEntry("targetPort", "http");
        assertThat(node().variables()).containsEntry("PARTYLEDGER_PRIVACY_MASTER_KEY",
                                                     "secret:party-ledger-secrets/privacy-master-key");
    }

    @Test
    void threeMongoMembersAreMadeOneReplicaSet() {
        Map<String, Object> job = MANIFESTS.find("Job", "mongo-replica-set");
        Map<String, String> initEnvironment = MANIFESTS.environment(job);

        assertThat(at(MONGO, "spec", "replicas")).isEqualTo(3);
        headless(MANIFESTS.find("Service", "mongo"), MONGO);
        assertThat(String.join(" ", strings(container(MONGO).get("args"))))
                .isEqualTo("mongod --replSet " + initEnvironment.get("REPLICA_SET_NAME") + " --bind_ip_all");
        assertThat(Set.of(initEnvironment.get("REPLICA_SET_MEMBERS").split(","))).isEqualTo(mongoHosts());
        assertThat(strings(container(job).get("command"))).contains("/init/mongo-replica-set.js");
        assertThat(at(KubernetesManifests.map(((List<?>) at(job, "spec", "template", "spec", "volumes")).get(0)),
                      "configMap", "name")).isEqualTo("mongo-replica-set");
    }

    @Test
    void threeKafkaBrokersFormOneKraftClusterNamedAfterTheirPods() {
        Map<String, String> broker = MANIFESTS.environment(KAFKA);
        String command = String.join(" ", strings(container(KAFKA).get("command")));

        assertThat(at(KAFKA, "spec", "replicas")).isEqualTo(3);
        headless(MANIFESTS.find("Service", "kafka"), KAFKA);
        assertThat(Set.of(broker.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))).isEqualTo(
                pods(KAFKA, ordinal -> (ordinal + 1) + "@kafka-" + ordinal + ".kafka:9093"));
        assertThat(command).contains("KAFKA_NODE_ID=$$((${HOSTNAME##*-} + 1))")
                .contains("KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${HOSTNAME}.kafka:9092");
        ApplicationNodeChecks.keepsEveryRecordOnTwoOfThree(broker);
    }

    @Test
    void theApplicationPodsAreConfiguredAsTheComposeNodesButForTheHostsAndTheKeysSource() {
        ApplicationNode node = node();

        ApplicationNodeChecks.pointsAtTheClusters(node, "rs0", mongoHosts(),
                                                  pods(KAFKA, ordinal -> "kafka-" + ordinal + ".kafka:9092"));
        ApplicationNodeChecks.writesToAMajorityOfJournals(node);
        ApplicationNodeChecks.createsTopicsWithThreeReplicas(node);
        ApplicationNodeChecks.producesWithAcksAllIdempotently(node);
        ApplicationNodeChecks.speakForOneProvince(List.of(node));
        ApplicationNodeChecks.hasTheUpdateCheckerOff(node);
        ApplicationNodeChecks.readsEveryVariableItIsGiven(node);
        Map<String, Object> compose = ComposeFile.read().services().get("app1");
        assertThat(withoutPlaceDependentSettings(node.variables()))
                .isEqualTo(withoutPlaceDependentSettings(ComposeFile.environment(compose)));
    }

    @Test
    void theKustomizationAppliesEveryManifestAndTheComposeFilesReplicaSetScript() throws IOException {
        Map<String, Object> kustomization;
        try (var reader = Files.newBufferedReader(ComposeFile.DIRECTORY.resolve("kustomization.yaml"))) {
            kustomization = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        Set<String> manifests;
        try (var files = Files.list(KubernetesManifests.DIRECTORY)) {
            manifests = files.map(file -> "kubernetes/" + file.getFileName()).collect(Collectors.toSet());
        }

        assertThat(Set.copyOf(strings(kustomization.get("resources")))).isEqualTo(manifests);
        Map<String, Object> generator = KubernetesManifests.map(((List<?>) kustomization.get("configMapGenerator")).get(0));
        assertThat(generator).containsEntry("name", "mongo-replica-set")
                .containsEntry("files", List.of("mongo-replica-set.js"));
    }

    private static ApplicationNode node() {
        return new ApplicationNode("deployment/party-ledger", MANIFESTS.environment(APPLICATION));
    }

    private static Set<String> mongoHosts() {
        return pods(MONGO, ordinal -> "mongo-" + ordinal + ".mongo:27017");
    }

    /** Each pod of a StatefulSet, by ordinal. */
    private static Set<String> pods(Map<String, Object> statefulSet, IntFunction<String> address) {
        return IntStream.range(0, (Integer) at(statefulSet, "spec", "replicas")).mapToObj(address)
                .collect(Collectors.toSet());
    }

    /** Pods are reached by name through the StatefulSet's headless Service, before they are ready. */
    private static void headless(Map<String, Object> service, Map<String, Object> statefulSet) {
        assertThat(at(statefulSet, "spec", "serviceName")).isEqualTo(at(service, "metadata", "name"));
        assertThat(at(service, "spec", "clusterIP")).isEqualTo("None");
        assertThat(at(service, "spec", "publishNotReadyAddresses")).isEqualTo(true);
        assertThat(at(service, "spec", "selector")).isEqualTo(at(statefulSet, "spec", "template", "metadata", "labels"));
    }

    /** The hosts differ between the two files, and compose reads the key from the shell, Kubernetes from a Secret. */
    private static Map<String, String> withoutPlaceDependentSettings(Map<String, String> variables) {
        Map<String, String> rest = new HashMap<>(variables);
        rest.keySet().removeAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "PARTYLEDGER_PRIVACY_MASTER_KEY"));
        rest.put("MONGODB_URI", rest.get("MONGODB_URI").replaceFirst("^mongodb://[^/]+/", "mongodb://…/"));
        return rest;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
