package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document is the contract a client is written against: every command is a POST under /api/v1
 * that documents Idempotency-Key and If-Match and its problem answers. That a retried key replays and a stale
 * If-Match answers 412 is shown in {@link RefusalsTest}.
 */
class OpenApiContractTest extends RunningApplication {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private static List<String> headerNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asText())) {
                names.add(parameter.get("name").asText());
            }
        });
        return names;
    }

    @Test
    void everyCommandDocumentsIdempotencyKeyIfMatchAndItsProblemAnswers() {
        Map<String, JsonNode> operations = commandOperations(apiDocument());

        assertThat(operations).isNotEmpty();
        operations.forEach((path, operation) -> {
            assertThat(headerNames(operation)).as("headers of POST %s", path).contains("Idempotency-Key", "If-Match");
            assertThat(operation.get("responses").has("422")).as("422 of POST %s", path).isTrue();
            assertThat(operation.get("responses").has("412")).as("412 of POST %s", path).isTrue();
            assertThat(operation.get("responses").get("422").get("content").has("application/problem+json"))
                    .as("422 of POST %s is problem+json", path).isTrue();
            assertThat(operation.path("summary").asText()).as("summary of POST %s", path).isNotBlank();
            assertThat(operation.path("parameters").findValuesAsText("name")).as("parameters of POST %s", path)
                    .doesNotContain("context");
        });
    }

    @Test
    void everyPostMappingOfTheControllersIsAnApiV1OperationOfTheDocument() {
        Set<String> mapped = handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().isAnnotationPresent(RestController.class))
                .filter(mapping -> mapping.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(mapping -> mapping.getKey().getPatternValues().stream())
                .collect(Collectors.toCollection(HashSet::new));

        assertThat(mapped).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/")).contains(IMPORTS);
        mapped.remove(IMPORTS);
        mapped.removeIf(path -> path.startsWith(ADMIN));
        assertThat(commandOperations(apiDocument()).keySet()).containsAll(mapped);
        assertThat(apiDocument().path("paths").path(IMPORTS).has("post")).as("the import is documented").isTrue();
    }

    @Test
    void commandsThatCreateARecordDocumentThe201TheyAnswerAndEveryCommandItsStoreFailure() {
        Map<String, JsonNode> operations = commandOperations(apiDocument());
        for (String creating : List.of("/api/v1/members/{memberId}/register-candidate",
                "/api/v1/organisations/{orgId}/establish", "/api/v1/transfers/{transferId}/issue-transfer-letter")) {
            assertThat(operations.get(creating).get("responses").has("201")).as("201 of POST %s", creating).isTrue();
            assertThat(operations.get(creating).get("responses").has("200")).as("200 of POST %s", creating).isFalse();
        }
        operations.forEach((path, operation) -> assertThat(operation.get("responses").has("503"))
                .as("503 of POST %s", path).isTrue());
    }
}
