package vn.partyledger.infra.api;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * Shows {@link RecordId}'s pattern in the OpenAPI document. springdoc reads {@code @Pattern} on a request body's
 * field but not through a composed constraint, so without this a body's ids would lose their documented shape. It
 * does not see a constraint on a list's elements either: a list of ids says {@code @ArraySchema(schema = @Schema(
 * implementation = String.class, pattern = RecordId.PATTERN))} beside its {@code List<@RecordId String>}.
 */
@Configuration(proxyBeanMethods = false)
class RecordIdDocumentation {

    @Bean
    PropertyCustomizer recordIdPattern() {
        return (property, type) -> {
            if (property != null && isRecordId(type.getCtxAnnotations())) {
                property.setPattern(RecordId.PATTERN);
            }
            return property;
        };
    }

    private static boolean isRecordId(Annotation[] annotations) {
        return annotations != null && Arrays.stream(annotations).anyMatch(RecordId.class::isInstance);
    }
}
