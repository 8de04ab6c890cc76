package vn.partyledger.infra.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/**
 * Documents in OpenAPI what every command endpoint honours but springdoc cannot see: the headers read by
 * {@link RequestContextResolver} (a custom argument, not annotated parameters) and the problem answers of
 * {@link ProblemHandling}. Without this the document would show a {@code context} query object and no headers.
 */
@Configuration(proxyBeanMethods = false)
class CommandHeadersDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestContext.class);
    }

    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> isCommand(handler) ? documented(operation) : operation;
    }

    /** A command endpoint is one that takes the request context, i.e. dispatches through {@link CommandEndpoint}. */
    private static boolean isCommand(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == RequestContext.class);
    }

    private static Operation documented(Operation operation) {
        operation.addParametersItem(header("Idempotency-Key", "1 to 128 visible ASCII characters; a retried request "
                + "with the same key gets the first answer (header Idempotent-Replayed: true) and is applied once."));
        operation.addParametersItem(header("If-Match", "The record's version from an earlier ETag, e.g. \"3\"; "
                + "if the record has moved on, the command is refused with 412 and nothing is applied."));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("400", problem("Bad input or header, naming the field (code INVALID_INPUT, "
                + "INVALID_HEADER)"));
        responses.addApiResponse("404", problem("No such record, or an id of another kind of record (code NOT_FOUND); "
                + "nothing is written"));
        responses.addApiResponse("409", problem("A duplicate record or a concurrent change; nothing is written "
                + "(code ALREADY_EXISTS, CONCURRENT_MODIFICATION)"));
        responses.addApiResponse("412", problem("Stale If-Match: the record has changed (code STALE_VERSION)"));
        responses.addApiResponse("422", problem("Refused by a domain rule: code names the invariant (e.g. I7), "
                + "rule the check, detail explains; or an Idempotency-Key reused for another request; nothing is written"));
        responses.addApiResponse("503", problem("The event store could not be reached (code STORE_UNAVAILABLE: nothing "
                + "written), or not to confirm the write (code OUTCOME_UNKNOWN: retry with the same Idempotency-Key)"));
        operation.setResponses(responses);
        return operation;
    }

    private static HeaderParameter header(String name, String description) {
        HeaderParameter header = new HeaderParameter();
        header.setName(name);
        header.setRequired(false);
        header.setDescription(description);
        header.setSchema(new StringSchema());
        return header;
    }

    /** RFC 9457 problem+json with the stable {@code code} every refusal carries, and the rule for a 422. */
    private static ApiResponse problem(String description) {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("rule", new StringSchema());
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)));
    }
}
