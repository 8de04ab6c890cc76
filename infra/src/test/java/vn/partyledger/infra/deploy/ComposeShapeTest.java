package vn.partyledger.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose.yaml} is the shape README's "Running past one machine" describes (ADR 0048). No Docker engine
 * runs here, so the file is checked by reading it, and each application node's environment by binding it the way the
 * application does.
 */
class ComposeShapeTest {

    private static final String JAR = "/app/party-ledger-exec.jar";
    private static final ComposeFile COMPOSE = ComposeFile.read();

    @Test
    void threeApplicationNodesRunTheJarWithOneEnvironment() {
        Map<String, Map<String, Object>> nodes = applicationNodeServices();

        assertThat(nodes).hasSize(3);
        nodes.values().forEach(node -> assertThat(ComposeFile.volumes(node))
                .contains("../infra/target/party-ledger-exec.jar:" + JAR + ":ro"));
        assertThat(nodes.values().stream().map(ComposeFile::environment).distinct()).hasSize(1);
    }

    @Test
    void theLoadBalancerRoutesToEveryApplicationNode() throws IOException {
        Map<String, Object> balancer = COMPOSE.running("nginx:").values().iterator().next();
        String configuration = Files.readString(ComposeFile.DIRECTORY.resolve("nginx.conf"));
        Matcher upstream = Pattern.compile("upstream (\\S+) \\{([^}]*)}").matcher(configuration);
        assertThat(upstream.find()).isTrue();
        Set<String> servers = Pattern.compile("server (\\S+) ").matcher(upstream.group(2)).results()
                .map(server -> server.group(1)).collect(Collectors.toSet());

        Set<String> nodes = applicationNodeServices().keySet();
        assertThat(servers).isEqualTo(nodes.stream().map(node -> node + ":8080").collect(Collectors.toSet()));
        assertThat(configuration).contains("proxy_pass http://" + upstream.group(1) + ";");
        assertThat(ComposeFile.dependencies(balancer)).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(ComposeFile.volumes(balancer)).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
        applicationNodes().forEach(node -> assertThat(node.environment().getProperty("server.port", "8080"))
                .isEqualTo("8080"));
    }

    @Test
    void threeMongoMembersAreMadeOneReplicaSetBeforeTheApplicationStarts() {
        Map<String, Map<String, Object>> members = mongoMembers();
        Map<String, Object> init = COMPOSE.services().get("mongo-init");
        Map<String, String> initEnvironment = ComposeFile.environment(init);

        assertThat(members).hasSize(3);
        members.values().forEach(member -> assertThat(String.join(" ", ComposeFile.command(member)))
                .endsWith("--replSet " + initEnvironment.get("REPLICA_SET_NAME") + " --bind_ip_all"));
        assertThat(Set.of(initEnvironment.get("REPLICA_SET_MEMBERS").split(","))).isEqualTo(mongoHosts());
        assertThat(ComposeFile.command(init)).contains("/init/mongo-replica-set.js");
        assertThat(ComposeFile.volumes(init)).contains("./mongo-replica-set.js:/init/mongo-replica-set.js:ro");
        assertThat(ComposeFile.dependencies(init)).containsExactlyInAnyOrderElementsOf(members.keySet());
        applicationNodeServices().values().forEach(node -> assertThat(ComposeFile.dependencies(node))
                .contains("mongo-init"));
    }

    @Test
    void threeKafkaBrokersFormOneKraftCluster() {
        Map<String, Map<String, Object>> brokers = COMPOSE.running("apache/kafka:");
        Set<String> voters = new HashSet<>();
        brokers.forEach((name, broker) -> voters.add(
                ComposeFile.environment(broker).get("KAFKA_NODE_ID") + "@" + name + ":9093"));

        assertThat(brokers).hasSize(3);
        assertThat(voters).hasSize(3);
        brokers.forEach((name, broker) -> {
            Map<String, String> environment = ComposeFile.environment(broker);
            assertThat(Set.of(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))).isEqualTo(voters);
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + name + ":9092");
            ApplicationNodeChecks.keepsEveryRecordOnTwoOfThree(environment);
        });
        assertThat(brokers.values().stream().map(broker -> ComposeFile.environment(broker).get("CLUSTER_ID"))
                           .distinct()).hasSize(1);
    }

    @Test
    void everyApplicationNodeWritesToAMajorityOfJournalsOfTheReplicaSetAndUsesTheCluster() {
        Set<String> brokers = COMPOSE.running("apache/kafka:").keySet().stream().map(broker -> broker + ":9092")
                .collect(Collectors.toSet());
        String replicaSet = ComposeFile.environment(COMPOSE.services().get("mongo-init")).get("REPLICA_SET_NAME");

        applicationNodes().forEach(node -> {
            ApplicationNodeChecks.pointsAtTheClusters(node, replicaSet, mongoHosts(), brokers);
            ApplicationNodeChecks.writesToAMajorityOfJournals(node);
        });
    }

    @Test
    void everyApplicationNodeCreatesTopicsWithThreeReplicasAndProducesWithAcksAll() {
        applicationNodes().forEach(node -> {
            ApplicationNodeChecks.createsTopicsWithThreeReplicas(node);
            ApplicationNodeChecks.producesWithAcksAllIdempotently(node);
        });
    }

    @Test
    void everyApplicationNodeSpeaksForTheSameProvinceWithTheUpdateCheckerOff() {
        ApplicationNodeChecks.speakForOneProvince(applicationNodes());
        applicationNodes().forEach(ApplicationNodeChecks::hasTheUpdateCheckerOff);
    }

    @Test
    void everyVariableGivenToAnApplicationNodeIsASettingTheApplicationReads() {
        ApplicationNodeChecks.recognisesOnlyRealSettings();
        applicationNodes().forEach(ApplicationNodeChecks::readsEveryVariableItIsGiven);
    }

    private static Map<String, Map<String, Object>> applicationNodeServices() {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        COMPOSE.services().forEach((name, service) -> {
            if (ComposeFile.command(service).contains(JAR)) {
                nodes.put(name, service);
            }
        });
        return nodes;
    }

    private static List<ApplicationNode> applicationNodes() {
        List<ApplicationNode> nodes = new ArrayList<>();
        applicationNodeServices().forEach((name, service) -> nodes.add(
                new ApplicationNode(name, ComposeFile.environment(service))));
        return nodes;
    }

    private static Map<String, Map<String, Object>> mongoMembers() {
        Map<String, Map<String, Object>> members = new LinkedHashMap<>(COMPOSE.running("mongo:"));
        members.values().removeIf(service -> !ComposeFile.command(service).contains("mongod"));
        return members;
    }

    private static Set<String> mongoHosts() {
        return mongoMembers().keySet().stream().map(member -> member + ":27017").collect(Collectors.toSet());
    }
}
