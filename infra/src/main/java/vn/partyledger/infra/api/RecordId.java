package vn.partyledger.infra.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * An id chosen by a client, in a path or a request body: letters, digits, dot, underscore and hyphen, starting with a
 * letter or digit, at most 64 (UUIDs fit). Like any constraint but {@code @NotNull}, it lets a missing value pass.
 * It is the one {@link Pattern} it carries: a refusal reads as that pattern's message, and the OpenAPI document shows
 * the pattern (see {@link RecordIdDocumentation}).
 */
@Pattern(regexp = RecordId.PATTERN, message = RecordId.MESSAGE)
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Documented
public @interface RecordId {

    String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    String MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
