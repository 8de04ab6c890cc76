package vn.partyledger.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import vn.partyledger.infra.person.SealedFacts;

/**
 * Axon's serializers: Jackson, as the application's JSON, plus the sealing of sensitive facts (ADR 0023). Every
 * serializer that may write an event or an aggregate's state — the log, snapshots, tokens, sagas, dead letters — is
 * one of these two, so a sensitive fact is ciphertext wherever it is stored. The HTTP API's mapper does not seal.
 */
@Configuration(proxyBeanMethods = false)
public class SerializerConfiguration {

    @Bean
    @Primary
    public Serializer serializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
            SealedFacts sealedFacts) {
        return sealing(objectMapper, revisionResolver, sealedFacts);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                                      SealedFacts sealedFacts) {
        return sealing(objectMapper, revisionResolver, sealedFacts);
    }

    private static Serializer sealing(ObjectMapper objectMapper, RevisionResolver revisionResolver,
                                      SealedFacts sealedFacts) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper.copy().registerModule(sealedFacts))
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(SerializerConfiguration.class.getClassLoader()))
                .build();
    }
}
