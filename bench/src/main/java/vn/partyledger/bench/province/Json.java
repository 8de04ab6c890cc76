package vn.partyledger.bench.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Import lines and request bodies as JSON, their keys in the order given so that a plan is the same text every time. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An object of alternating keys and values; a date is written as ISO text, a null value is left out. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                object.put((String) keysAndValues[i], value instanceof LocalDate date ? date.toString() : value);
            }
        }
        return object;
    }

    /** A signed decision as the API and the import take it. */
    static Map<String, Object> decision(String docNumber, LocalDate docDate, String issuingOrgId) {
        return object("docNumber", docNumber, "docDate", docDate, "issuingOrgId", issuingOrgId);
    }

    static String text(Map<String, Object> object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + object, e);
        }
    }
}
