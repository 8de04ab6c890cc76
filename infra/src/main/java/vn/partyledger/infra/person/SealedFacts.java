package vn.partyledger.infra.person;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import vn.partyledger.domain.shared.Sensitive;

import java.io.IOException;

/**
 * How a {@link Sensitive} fact is stored (ADR 0023): {@code {"personId": …, "sealed": base64(AES-GCM)}} under the
 * person's data key, bound to the person, so the event's hash covers only ciphertext. A fact read back stays sealed
 * until a rule or a projection opens it, and is written again (a dead letter, a snapshot) as the same ciphertext, so
 * the value is never in plain at rest even for a person already erased. A fact recorded before sealing existed reads
 * as {@code {"unsealed": value}}, which its upcaster writes.
 */
public class SealedFacts extends SimpleModule {

    static final String PERSON_ID = "personId";
    static final String SEALED = "sealed";
    public static final String UNSEALED = "unsealed";

    /** The facts' own JSON, the same on both sides of the cipher whatever mapper writes the event around them. */
    static final ObjectMapper FACT_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @SuppressWarnings({"unchecked", "rawtypes"})
    public SealedFacts(PersonDataKeys keys) {
        super("sealed-facts");
        addSerializer((Class) Sensitive.class, new Sealing(keys));
        addDeserializer((Class) Sensitive.class, new Opening(keys, null));
    }

    static byte[] boundTo(String personId) {
        return ("sealed fact of " + personId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final class Sealing extends StdSerializer<Sensitive<?>> {

        private final transient PersonDataKeys keys;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Sealing(PersonDataKeys keys) {
            super((Class) Sensitive.class);
            this.keys = keys;
        }

        @Override
        public void serialize(Sensitive<?> fact, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            if (fact.personId() == null) {
                json.writeFieldName(UNSEALED);
                provider.defaultSerializeValue(fact.value(), json);
            } else {
                json.writeStringField(PERSON_ID, fact.personId());
                json.writeBinaryField(SEALED, ciphertextOf(fact));
            }
            json.writeEndObject();
        }

        private byte[] ciphertextOf(Sensitive<?> fact) throws IOException {
            if (fact.seal().orElse(null) instanceof LoggedSeal<?> logged) {
                return logged.ciphertext();
            }
            byte[] plain = FACT_JSON.writeValueAsBytes(fact.value());
            return Aead.encrypt(keys.toSeal(fact.personId()), plain, boundTo(fact.personId()));
        }
    }

    private static final class Opening extends StdDeserializer<Sensitive<?>> implements ContextualDeserializer {

        private final transient PersonDataKeys keys;
        private final JavaType valueType;

        Opening(PersonDataKeys keys, JavaType valueType) {
            super(Sensitive.class);
            this.keys = keys;
            this.valueType = valueType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            JavaType wrapper = property != null ? property.getType() : context.getContextualType();
            return new Opening(keys, wrapper.containedTypeOrUnknown(0));
        }

        @Override
        public Sensitive<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode stored = context.readTree(parser);
            if (stored.has(UNSEALED)) {
                return Sensitive.recordedBeforeSealing(FACT_JSON.readerFor(valueType).readValue(stored.get(UNSEALED)));
            }
            String personId = stored.path(PERSON_ID).asText(null);
            JsonNode sealed = stored.get(SEALED);
            if (personId == null || sealed == null) {
                return (Sensitive<?>) context.handleUnexpectedToken(Sensitive.class, parser);
            }
            return Sensitive.sealed(personId, new LoggedSeal<>(personId, sealed.binaryValue(), valueType, keys));
        }
    }
}
