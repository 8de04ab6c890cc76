package vn.partyledger.infra.integration.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.transfer.RecordIncomingTransfer;
import vn.partyledger.domain.transfer.RecordTransferPresentation;
import vn.partyledger.domain.transfer.RecordTransferRefusal;
import vn.partyledger.domain.transfer.RefusalReason;
import vn.partyledger.domain.transfer.TransferableRecord;
import vn.partyledger.infra.integration.v1.MemberTransferLetterSentV1;
import vn.partyledger.infra.integration.v1.MemberTransferPresentedV1;
import vn.partyledger.infra.integration.v1.MemberTransferRefusedV1;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where an inbound message becomes a command (ADR 0045): one line per type this province takes in.
 * A message reaches it valid against its schema, so every required field is there and every code is one of the
 * schema's.
 */
final class InboundCommands {

    /** A command and the business date it takes effect on. */
    record InboundCommand(Object command, LocalDate businessDate) {
    }

    @FunctionalInterface
    private interface Mapping {
        InboundCommand of(JsonNode message, String sendingProvince, ObjectMapper json) throws JsonProcessingException;
    }

    private static final String TYPE_PREFIX = "vn.partyledger.";

    private final Map<String, Mapping> byName = Map.of(
            "member.transfer-letter-sent.v1", InboundCommands::incomingTransfer,
            "member.transfer-refused.v1", InboundCommands::refusal,
            "member.transfer-presented.v1", InboundCommands::presentation);

    private final ObjectMapper json;

    InboundCommands(ObjectMapper json) {
        this.json = json;
    }

    /** The schema names of the types taken in, e.g. {@code member.transfer-letter-sent.v1}. */
    Set<String> names() {
        return byName.keySet();
    }

    /** The schema name of a CloudEvents type this province takes in, or empty. */
    Optional<String> nameOf(String ceType) {
        return Optional.of(ceType).filter(type -> type.startsWith(TYPE_PREFIX))
                .map(type -> type.substring(TYPE_PREFIX.length())).filter(byName::containsKey);
    }

    InboundCommand of(String name, JsonNode message, String sendingProvince) throws JsonProcessingException {
        return byName.get(name).of(message, sendingProvince, json);
    }

    private static InboundCommand refusal(JsonNode message, String sendingProvince, ObjectMapper json)
            throws JsonProcessingException {
        MemberTransferRefusedV1 refused = json.treeToValue(message, MemberTransferRefusedV1.class);
        return new InboundCommand(new RecordTransferRefusal(refused.transferId(), sendingProvince,
                RefusalReason.valueOf(refused.reason()), refused.refusedOn()), refused.refusedOn());
    }

    private static InboundCommand presentation(JsonNode message, String sendingProvince, ObjectMapper json)
            throws JsonProcessingException {
        MemberTransferPresentedV1 presented = json.treeToValue(message, MemberTransferPresentedV1.class);
        return new InboundCommand(new RecordTransferPresentation(presented.transferId(), sendingProvince,
                presented.presentedOn()), presented.presentedOn());
    }

    private static InboundCommand incomingTransfer(JsonNode message, String sendingProvince, ObjectMapper json)
            throws JsonProcessingException {
        MemberTransferLetterSentV1 letter = json.treeToValue(message, MemberTransferLetterSentV1.class);
        MemberTransferLetterSentV1.Record record = letter.record();
        return new InboundCommand(new RecordIncomingTransfer(letter.transferId(), letter.memberId(), sendingProvince,
                letter.fromOrgId(), letter.toOrgId(), letter.letterNo(), letter.letterDate(), letter.presentBy(),
                new TransferableRecord(MemberStatus.valueOf(record.status()), record.admissionDate(),
                        record.recognitionDate(), record.probationEndDate(),
                        record.partyAgeGaps().stream()
                                .map(gap -> new TransferableRecord.PartyAgeGap(gap.from(), gap.until())).toList(),
                        record.badges().stream().map(badge -> new TransferableRecord.Badge(badge.level(),
                                badge.badgeNumber(), badge.awardedOn())).toList(),
                        record.cardNumber(),
                        record.disciplineInEffect().stream().map(discipline -> new TransferableRecord.Discipline(
                                DisciplineForm.valueOf(discipline.form()), discipline.effectiveDate())).toList())),
                letter.letterDate());
    }
}
