package vn.partyledger.infra.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.MemberSuspended;
import vn.partyledger.domain.discipline.MemberSuspensionLifted;
import vn.partyledger.domain.discipline.MembershipRestored;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.organisation.DissolutionReason;
import vn.partyledger.domain.organisation.MemberAllocation;
import vn.partyledger.domain.organisation.OrganisationDissolved;
import vn.partyledger.domain.organisation.OrganisationRenamed;
import vn.partyledger.domain.organisation.OrganisationSplit;
import vn.partyledger.domain.organisation.OrganisationsMerged;
import vn.partyledger.domain.shared.Sensitive;
import vn.partyledger.domain.transfer.CancellationReason;
import vn.partyledger.domain.transfer.TemporaryAttachmentEnded;
import vn.partyledger.domain.transfer.TransferCancelled;

import java.time.LocalDate;
import vn.partyledger.domain.transfer.IncomingTransferPresented;
import vn.partyledger.domain.transfer.IncomingTransferRefused;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.transfer.MemberLeftForProvince;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.TransferLetterSentToProvince;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.domain.transfer.TransferableRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of the domain events the end-to-end test does not reach, each checked against its published schema;
 * and the contract's three parts (schemas, AsyncAPI document, description) name the same types.
 */
class IntegrationEventsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final PublishedSchemas SCHEMAS = new PublishedSchemas();

    private final IntegrationEvents integrationEvents = new IntegrationEvents();

    private static final List<Object> DOMAIN_EVENTS = List.of(
            new OrganisationRenamed("kp1", "Chi bộ Khu phố 1A", DAY),
            new OrganisationsMerged("kp1", List.of("kp2", "kp3"), DAY),
            new OrganisationSplit("kp1", List.of(new MemberAllocation("m1", "kp2"), new MemberAllocation("m2", "kp3"),
                    new MemberAllocation("m3", "kp2")), DAY),
            new OrganisationDissolved("kp1", DissolutionReason.ADMINISTRATIVE, null, DAY),
            new ProbationaryMemberStruckOff("m1", "kp1", DAY, "ward-15", Sensitive.of("p1", "free text")),
            new TransferCancelled("t1", "m1", CancellationReason.MEMBER_STAYS, DAY),
            new TemporaryAttachmentEnded("t1", "m1", "kp2", DAY, "nx-1"),
            new MemberCollectivelyTransferred("m1", "kp1", "kp2", DAY),
            new DisciplineImposed("m1", DisciplineForm.WARNING, "kp1", "ward-15", DAY,
                    Sensitive.of("p1", ViolationCategory.values()[0])),
            new DisciplineImposed("m2", DisciplineForm.EXPULSION, "kp1", "ward-15", DAY,
                    Sensitive.of("p2", ViolationCategory.values()[0])),
            new MemberSuspended("m1", "ward-15", DAY),
            new MemberSuspensionLifted("m1", "ward-15", DAY),
            new MemberStruckOff("m1", "kp1", StrikeOffGround.ABSENCE_OR_DUES_3M, "ward-15", DAY),
            new MemberStruckOff("m2", "kp1", StrikeOffGround.VOLUNTARY_EXIT, "ward-15", DAY),
            new MembershipRestored("m1", "kp1", MemberStatus.FULL, true, "province", DAY),
            new PartyBadgeAwarded("m1", 30, "HH-30-1", DAY, Sensitive.of("p1", true), false, "province"),
            new PartyCardIssued("m1", "TĐV-79-1", DAY, "ward-15", "meeting-2026-10"),
            new IncomingTransferRefused("t2", "m2", "urn:partyledger:province:hn", "kp1",
                    RefusalReason.RECORD_DOES_NOT_MATCH, DAY),
            new IncomingTransferPresented("t3", "m3", "urn:partyledger:province:hn", "kp1", DAY, DAY.plusDays(3),
                    true),
            new MemberJoinedFromProvince("m3", "p3", "kp1", "t3", "urn:partyledger:province:hn",
                    MemberStatus.PROBATIONARY, DAY.minusMonths(8), DAY.plusMonths(4), null,
                    List.of(), null, List.of(), List.of(), DAY.plusDays(3)),
            new MemberLeftForProvince("m1", "t1", "kp1", "urn:partyledger:province:hn", "hn-kp7", DAY.plusDays(5)),
            new TransferLetterSentToProvince("t1", "m1", "kp1", "urn:partyledger:province:hn", "hn-kp7", "ward-15",
                    "31-GGT/ĐU", DAY, DAY.plusDays(42), TransferTrigger.LOSS_OF_WORKING_CAPACITY, DAY, false,
                    new TransferableRecord(MemberStatus.FULL, DAY.minusYears(31), DAY.minusYears(30), DAY.minusYears(30),
                            List.of(new TransferableRecord.PartyAgeGap(DAY.minusYears(5), null)),
                            List.of(new TransferableRecord.Badge(30, "HH-30-1", DAY.minusDays(9))), "TĐV-79-1",
                            List.of(new TransferableRecord.Discipline(DisciplineForm.WARNING, DAY.minusDays(3))))));

    @Test
    void eachDomainEventBecomesAMessageValidAgainstItsPublishedSchema() throws Exception {
        Map<String, JsonNode> byType = new TreeMap<>();
        for (Object domainEvent : DOMAIN_EVENTS) {
            IntegrationEvent message = integrationEvents.of(domainEvent, MetaData.emptyInstance()).orElseThrow();
            JsonNode value = JSON.readTree(JSON.writeValueAsString(message.data()));
            assertThat(SCHEMAS.errors(message.type(), value)).as("%s %s", message.type(), value).isEmpty();
            assertThat(value.fieldNames().next()).as("the key is the first field").isNotNull();
            assertThat(value.get(value.fieldNames().next()).asText()).isEqualTo(message.key());
            byType.put(message.schemaName(), value);
        }

        assertThat(byType.keySet()).contains("member.expelled.v1", "member.disciplined.v1",
                "member.left-voluntarily.v1", "member.struck-off.v1");
        assertThat(byType.get("organisation.split.v1").get("targetOrgIds")).extracting(JsonNode::asText)
                .containsExactly("kp2", "kp3");
        assertThat(byType.get("member.disciplined.v1").has("violationCategory")).isFalse();
        assertThat(byType.get("member.badge-awarded.v1").has("early")).isFalse();
        assertThat(byType.get("member.struck-off-probation.v1").toString()).doesNotContain("free text");
        assertThat(byType.get("member.transfer-letter-sent.v1").toString()).doesNotContain("LOSS_OF_WORKING_CAPACITY");
        assertThat(byType.get("member.joined-from-province.v1").toString()).doesNotContain("p3");
    }

    @Test
    void aPresentationHereIsSentToTheProvinceTheLetterCameFrom() {
        IntegrationEvent presented = integrationEvents.of(new IncomingTransferPresented("t3", "m3",
                "urn:partyledger:province:hn", "kp1", DAY, DAY.plusDays(3), true), MetaData.emptyInstance())
                .orElseThrow();

        assertThat(presented.topic()).isEqualTo(IntegrationTopic.EXCHANGE);
        assertThat(presented.destination()).isEqualTo("urn:partyledger:province:hn");
        assertThat(presented.key()).isEqualTo("m3");
    }

    @Test
    void aLetterToAnotherProvinceIsAddressedToItOnTheExchange() {
        IntegrationEvent letter = integrationEvents.of(DOMAIN_EVENTS.get(DOMAIN_EVENTS.size() - 1),
                MetaData.emptyInstance()).orElseThrow();

        assertThat(letter.topic()).isEqualTo(IntegrationTopic.EXCHANGE);
        assertThat(letter.destination()).isEqualTo("urn:partyledger:province:hn");
        assertThat(letter.key()).isEqualTo("m1");
    }

    @Test
    void aDomainEventWithoutAMessageIsNotPublished() {
        assertThat(integrationEvents.of(new MemberSuspended("m1", "ward-15", DAY), MetaData.emptyInstance()))
                .isPresent();
        assertThat(integrationEvents.of("not an event", MetaData.emptyInstance())).isEmpty();
    }

    @Test
    void theAsyncApiDocumentAndTheDescriptionListEveryPublishedSchema() throws Exception {
        String asyncApi = java.nio.file.Files.readString(PublishedSchemas.DIRECTORY.resolve("asyncapi.yaml"));
        String description = java.nio.file.Files.readString(PublishedSchemas.DIRECTORY.resolve("events.v1.md"));

        assertThat(SCHEMAS.names()).hasSize(34);
        for (String name : SCHEMAS.names()) {
            assertThat(asyncApi).contains("$ref: './" + name + ".schema.json'");
            assertThat(description).contains("### `vn.partyledger." + name + "`");
        }
    }
}
