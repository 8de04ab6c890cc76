package vn.partyledger.infra.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mistyped field of a request body is refused naming the field, instead of being coerced to some other value. */
class StrictRequestJsonTest {

    enum Kind { FIRST, SECOND }

    record Body(String text, int count, double share, boolean flag, Kind kind, LocalDate date) {
    }

    private static final String VALID = """
            {"text": "x", "count": 3, "share": 0.5, "flag": true, "kind": "SECOND", "date": "2025-02-28"}""";

    private final ObjectMapper strict = StrictRequestJson.of(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void readsABodyTypedAsTheDocumentSays() throws Exception {
        assertThat(strict.readValue(VALID, Body.class))
                .isEqualTo(new Body("x", 3, 0.5, true, Kind.SECOND, LocalDate.of(2025, 2, 28)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"text\": 12", "\"text\": true",
            "\"count\": \"3\"", "\"count\": 1.5", "\"count\": \"\"",
            "\"share\": \"0.5\"",
            "\"flag\": 1", "\"flag\": \"true\"",
            "\"kind\": 0", "\"kind\": \"\"",
            "\"date\": 20250101", "\"date\": \"+999999999-12-31\"", "\"date\": \"2025-02-30\"",
            "\"date\": \"25-02-28\"", "\"date\": \"2025-2-28\""})
    void refusesAFieldOfAnotherType(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String body = VALID.replaceFirst("\"" + name + "\": [^,}]+", Matcher.quoteReplacement(field));

        assertThatThrownBy(() -> strict.readValue(body, Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName())
                        .isEqualTo(name));
    }
}
