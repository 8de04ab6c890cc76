package vn.partyledger.infra.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Request bodies are read as the OpenAPI document types them. Jackson on its own coerces: "12" becomes a number, 1.5
 * the whole number 1, 1 true, 0 the first value of an enumeration, 12 a text, and a number (days since 1970) or an
 * expanded year (+999999999-12-31) a date. Each is a mistyped field that would reach the rules as some other value
 * (such dates and flags were recorded), so each is refused as a 400 naming the field. Only the HTTP API reads this way:
 * events and messages keep the application's own mapper, so nothing already stored becomes unreadable.
 */
public final class StrictRequestJson {

    private static final List<CoercionInputShape> NOT_TEXT = List.of(CoercionInputShape.Integer,
            CoercionInputShape.Float, CoercionInputShape.Boolean);
    private static final List<LogicalType> SCALARS = List.of(LogicalType.Integer, LogicalType.Float,
            LogicalType.Boolean, LogicalType.Enum);

    private StrictRequestJson() {
    }

    public static ObjectMapper of(ObjectMapper applicationMapper) {
        ObjectMapper strict = applicationMapper.copy();
        NOT_TEXT.forEach(shape -> strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(shape, CoercionAction.Fail));
        SCALARS.forEach(type -> strict.coercionConfigFor(type)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict.registerModule(new SimpleModule("full-dates").addDeserializer(LocalDate.class, new FullDate()));
    }

    /** OpenAPI's {@code format: date} is RFC 3339's full-date: yyyy-MM-dd with a four-digit year, a real day. */
    static final class FullDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        FullDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                if (FULL_DATE.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException notADay) {
                // falls through to the same refusal as any other malformed date
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                    "expected a date as yyyy-MM-dd with a four-digit year");
        }
    }
}
