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
import org.axonframework.serialization.Revision;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.exemption.ExemptionKind;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.infra.person.SealedFacts;

import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;
import vn.partyledger.domain.transfer.TransferLetterSentToProvince;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision-1 payloads, as the Mongo engine hands them over (JSON trees), read as the current records. The end-to-end
 * ReadmissionEndToEndTest shows the same for DisciplineImposed through the application's event store.
 */
class PayloadUpcastersTest {

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    /** No data keys: every fact read here was recorded before sealing. */
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(mapper.copy().registerModule(new SealedFacts(null))).build();

    private Object readUpcast(EventUpcaster upcaster, Class<?> type, String revision, String payloadJson)
            throws Exception {
        JsonNode payload = mapper.readTree(payloadJson);
        GenericDomainEventEntry<JsonNode> stored = new GenericDomainEventEntry<>("Member", "m1", 3, "e1",
                Instant.parse("2021-09-06T00:00:00Z"), type.getName(), revision, payload, mapper.readTree("{}"));
        IntermediateEventRepresentation upcast = upcaster
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst().orElseThrow();
        assertThat(upcast.getType().getRevision()).as("the current revision")
                .isEqualTo(type.getAnnotation(Revision.class).value());
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
                LocalDate.of(2021, 9, 6), Sensitive.recordedBeforeSealing(ViolationCategory.NOT_RECORDED)));
    }

    @Test
    void anApplicationOfRevisionOneIsReadWithoutReadmissionGrounds() throws Exception {
        Object read = readUpcast(new ApplicationSubmittedUpcaster(), ApplicationSubmitted.class, "1", """
                {"memberId": "m1", "applicationDate": "2020-02-03", "readmission": false,
                 "biographyDocRef": "LL-2020-07", "youthUnionAge": false, "unitHasYouthUnion": false}
                """);

        assertThat(read).isEqualTo(new ApplicationSubmitted("m1", LocalDate.of(2020, 2, 3), false, "LL-2020-07",
                false, false, null));
    }

    @Test
    void anExpulsionOfRevisionTwoIsReadWithItsCategoryRecordedBeforeSealing() throws Exception {
        Object read = readUpcast(new FactsRecordedInPlainUpcaster(),
                DisciplineImposed.class, "2", """
                {"memberId": "m1", "form": "EXPULSION", "homeOrgId": "kp1", "decidedByOrgId": "ward",
                 "effectiveDate": "2021-09-06", "violationCategory": "CORRUPTION_CONVICTION"}
                """);

        assertThat(read).isEqualTo(new DisciplineImposed("m1", DisciplineForm.EXPULSION, "kp1", "ward",
                LocalDate.of(2021, 9, 6), Sensitive.recordedBeforeSealing(ViolationCategory.CORRUPTION_CONVICTION)));
    }

    @Test
    void aReadmissionApplicationOfRevisionTwoIsReadWithItsGroundsRecordedBeforeSealing() throws Exception {
        Object read = readUpcast(new FactsRecordedInPlainUpcaster(),
                ApplicationSubmitted.class, "2", """
                {"memberId": "m1", "applicationDate": "2024-03-04", "readmission": true,
                 "biographyDocRef": "LL-2024-03", "youthUnionAge": false, "unitHasYouthUnion": false,
                 "readmissionGrounds": {"exitCategoryOnFile": "LESS_SERIOUS_CRIME_CONVICTION", "exitFileRef": "HS-7",
                                        "convictionExpungedOn": "2018-05-06", "familyHardshipRef": null}}
                """);

        assertThat(read).isEqualTo(new ApplicationSubmitted("m1", LocalDate.of(2024, 3, 4), true, "LL-2024-03",
                false, false, Sensitive.recordedBeforeSealing(new ReadmissionGrounds(
                        ViolationCategory.LESS_SERIOUS_CRIME_CONVICTION, "HS-7", LocalDate.of(2018, 5, 6), null))));
    }

    @Test
    void anExemptionOfRevisionOneIsReadWithItsReasonRecordedBeforeSealing() throws Exception {
        Object read = readUpcast(new FactsRecordedInPlainUpcaster(),
                ExemptionGranted.class, "1", """
                {"memberId": "m1", "kind": "TEMPORARY", "reason": "LONG_ILLNESS", "from": "2024-01-02",
                 "until": "2024-06-02", "decidedByOrgId": "ward", "applicationRef": null}
                """);

        assertThat(read).isEqualTo(new ExemptionGranted("m1", ExemptionKind.TEMPORARY,
                Sensitive.recordedBeforeSealing(ExemptionReason.LONG_ILLNESS), LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 6, 2), "ward", null));
    }

    @Test
    void aWithdrawalOfRevisionOneWithoutAReasonIsReadWithoutOne() throws Exception {
        Object read = readUpcast(new FactsRecordedInPlainUpcaster(),
                ApplicationWithdrawn.class, "1", """
                {"memberId": "m1", "withdrawnOn": "2020-05-04", "reason": null}
                """);

        assertThat(read).isEqualTo(new ApplicationWithdrawn("m1", LocalDate.of(2020, 5, 4), null));
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

    /** The record as revision 1 stored it: a full member, so no probation end to miss. */
    private static final String RECORD_OF_REVISION_ONE = """
            {"status": "FULL", "admissionDate": "1994-03-02", "recognitionDate": "1995-03-02",
             "partyAgeGaps": [{"from": "2001-01-01", "until": "2001-06-01"}],
             "badges": [{"level": 30, "badgeNumber": "HH30-1", "awardedOn": "2024-02-03"}],
             "cardNumber": "Đ-1", "disciplineInEffect": []}""";
    private static final TransferableRecord RECORD = new TransferableRecord(MemberStatus.FULL,
            LocalDate.of(1994, 3, 2), LocalDate.of(1995, 3, 2), null,
            List.of(new TransferableRecord.PartyAgeGap(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 6, 1))),
            List.of(new TransferableRecord.Badge(30, "HH30-1", LocalDate.of(2024, 2, 3))), "Đ-1", List.of());

    @Test
    void aLetterToAnotherProvinceOfRevisionOneIsReadWithItsProbationEndNotRecorded() throws Exception {
        Object read = readUpcast(new TransferLetterSentToProvinceUpcaster(), TransferLetterSentToProvince.class, "1",
                """
                {"transferId": "t1", "memberId": "m1", "fromOrgId": "kp1", "toProvince": "hn", "toOrgId": "hn-kp7",
                 "issuedByOrgId": "p1", "letterNo": "12", "letterDate": "2025-08-01", "presentBy": "2025-09-12",
                 "trigger": "RESIDENCE_CHANGE", "triggerDate": "2025-07-15", "lateRequest": false,
                 "record": %s}
                """.formatted(RECORD_OF_REVISION_ONE));

        assertThat(read).isEqualTo(new TransferLetterSentToProvince("t1", "m1", "kp1", "hn", "hn-kp7", "p1", "12",
                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 12), TransferTrigger.RESIDENCE_CHANGE,
                LocalDate.of(2025, 7, 15), false, RECORD));
    }

    @Test
    void anIncomingLetterOfRevisionOneIsReadWithItsProbationEndNotRecorded() throws Exception {
        Object read = readUpcast(new IncomingTransferRecordedUpcaster(), IncomingTransferRecorded.class, "1", """
                {"transferId": "t1", "memberId": "m1", "sendingProvince": "hcm", "fromOrgId": "kp1",
                 "toOrgId": "hn-kp7", "letterNo": "12", "letterDate": "2025-08-01", "presentBy": "2025-09-12",
                 "record": %s}
                """.formatted(RECORD_OF_REVISION_ONE));

        assertThat(read).isEqualTo(new IncomingTransferRecorded("t1", "m1", "hcm", "kp1", "hn-kp7", "12",
                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 12), RECORD));
    }

    @Test
    void anEventOfTheCurrentRevisionIsLeftAsItIs() {
        DisciplineImposedUpcaster upcaster = new DisciplineImposedUpcaster();
        GenericDomainEventEntry<JsonNode> current = new GenericDomainEventEntry<>("Member", "m1", 3, "e1",
                Instant.parse("2021-09-06T00:00:00Z"), DisciplineImposed.class.getName(), "3",
                mapper.createObjectNode(), mapper.createObjectNode());

        assertThat(upcaster.upcast(Stream.of(new InitialEventRepresentation(current, serializer)))
                .findFirst().orElseThrow().getType().getRevision()).isEqualTo("3");
    }
}
