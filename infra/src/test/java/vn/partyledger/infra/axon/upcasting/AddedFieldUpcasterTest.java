package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.RecognitionVoteRecorded;
import vn.partyledger.domain.member.VoteLevel;
import vn.partyledger.domain.member.ReadmissionGrounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision-1 payloads, as the Mongo engine hands them over (JSON trees), read as the current records. The end-to-end
 * ReadmissionEndToEndTest shows the same for DisciplineImposed through the application's event store.
 */
class AddedFieldUpcasterTest {

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    private Object readUpcast(EventUpcaster upcaster, Class<?> type, String revision, String payloadJson)
            throws Exception {
        JsonNode payload = mapper.readTree(payloadJson);
        GenericDomainEventEntry<JsonNode> stored = new GenericDomainEventEntry<>("Member", "m1", 3, "e1",
                Instant.parse("2021-09-06T00:00:00Z"), type.getName(), revision, payload, mapper.readTree("{}"));
        IntermediateEventRepresentation upcast = upcaster
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(new SimpleSerializedObject<>(upcast.getData(JsonNode.class).getData(),
                JsonNode.class, upcast.getType()));
    }

    @Test
    void anExpulsionOfRevisionOneIsReadWithItsCategoryNotRecorded() throws Exception {
        Object read = readUpcast(new DisciplineImposedUpcaster(), DisciplineImposed.class, "1", """
                {"memberId": "m1", "form": "EXPULSION", "homeOrgId": "kp1", "decidedByOrgId": "ward",
                 "effectiveDate": "2021-09-06"}
                """);

        assertThat(read).isEqualTo(new DisciplineImposed("m1", DisciplineForm.EXPULSION, "kp1", "ward",
                LocalDate.of(2021, 9, 6), ViolationCategory.NOT_RECORDED));
    }

    @Test
    void anApplicationOfRevisionOneIsReadWithoutReadmissionGrounds() throws Exception {
        Object read = readUpcast(new ApplicationSubmittedUpcaster(), ApplicationSubmitted.class, "1", """
                {"memberId": "m1", "applicationDate": "2020-02-03", "readmission": false,
                 "biographyDocRef": "LL-2020-07", "youthUnionAge": false, "unitHasYouthUnion": false}
                """);

        assertThat(read).isEqualTo(new ApplicationSubmitted("m1", LocalDate.of(2020, 2, 3), false, "LL-2020-07",
                false, false, ReadmissionGrounds.NONE));
    }

    @Test
    void anAdmissionOfRevisionOneIsReadAsAFirstAdmissionCountingFromItsOwnDecision() throws Exception {
        Object read = readUpcast(new MemberAdmittedUpcaster(), MemberAdmitted.class, "1", """
                {"memberId": "m1", "personId": "p1", "homeOrgId": "kp1", "ceremonyDate": "2020-06-19",
                 "probationEndDate": "2021-06-19", "admissionDecisionDate": "2020-06-01",
                 "ceremonyLateWithConsent": false}
                """);

        assertThat(read).isEqualTo(new MemberAdmitted("m1", "p1", "kp1", LocalDate.of(2020, 6, 19),
                LocalDate.of(2021, 6, 19), LocalDate.of(2020, 6, 1), false, false, LocalDate.of(2020, 6, 1)));
    }

    @Test
    void aCommitteeRecognitionVoteOfRevisionOneIsReadWithItsCommitteeNotRecorded() throws Exception {
        Object read = readUpcast(new RecognitionVoteRecordedUpcaster(), RecognitionVoteRecorded.class, "1", """
                {"memberId": "m1", "level": "COMMITTEE", "voteDate": "2021-07-05", "electorate": 9, "inFavour": 7,
                 "against": 0, "passed": true, "attemptNo": 1}
                """);

        assertThat(read).isEqualTo(new RecognitionVoteRecorded("m1", VoteLevel.COMMITTEE, null,
                LocalDate.of(2021, 7, 5), 9, 7, 0, true, 1));
    }

    @Test
    void anEventOfTheCurrentRevisionIsLeftAsItIs() {
        DisciplineImposedUpcaster upcaster = new DisciplineImposedUpcaster();
        GenericDomainEventEntry<JsonNode> current = new GenericDomainEventEntry<>("Member", "m1", 3, "e1",
                Instant.parse("2021-09-06T00:00:00Z"), DisciplineImposed.class.getName(), "2",
                mapper.createObjectNode(), mapper.createObjectNode());

        assertThat(upcaster.upcast(Stream.of(new InitialEventRepresentation(current, serializer)))
                .findFirst().orElseThrow().getType().getRevision()).isEqualTo("2");
    }
}
