package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.badge.PartyBadgeReissued;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.VoluntaryExitRequested;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.member.AdmissionRefused;
import vn.partyledger.domain.member.ApplicationSubmitted;
import vn.partyledger.domain.member.ApplicationWithdrawn;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.infra.person.SealedFacts;

import java.util.Map;

/**
 * Reads an event stored before its sensitive fact was sealed (ADR 0023): the plain value is read as a fact recorded
 * before sealing, {@code {"unsealed": value}}; an absent or null value stays null. The table lists each event whose
 * earlier revision held such a fact, and the field that held it. The stored document is never rewritten.
 */
@Component
public class FactsRecordedInPlainUpcaster extends SingleEventUpcaster {

    private record RecordedInPlain(String field, SimpleSerializedType current) {
    }

    private static final Map<SimpleSerializedType, RecordedInPlain> IN_PLAIN = Map.ofEntries(
            inPlain(OutstandingCandidateRegistered.class, "1", "2", "source"),
            inPlain(ExemptionGranted.class, "1", "2", "reason"),
            inPlain(PartyBadgeAwarded.class, "1", "2", "early"),
            inPlain(DisciplineImposed.class, "2", "3", "violationCategory"),
            inPlain(ApplicationSubmitted.class, "2", "3", "readmissionGrounds"),
            inPlain(AdmissionRefused.class, "1", "2", "reason"),
            inPlain(ProbationaryMemberStruckOff.class, "1", "2", "reason"),
            inPlain(ApplicationWithdrawn.class, "1", "2", "reason"),
            inPlain(VoluntaryExitRequested.class, "1", "2", "reasonCode"),
            inPlain(PartyBadgeReissued.class, "1", "2", "reason"));

    private static Map.Entry<SimpleSerializedType, RecordedInPlain> inPlain(Class<?> type, String storedRevision,
                                                                            String currentRevision, String field) {
        return Map.entry(new SimpleSerializedType(type.getName(), storedRevision),
                new RecordedInPlain(field, new SimpleSerializedType(type.getName(), currentRevision)));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return IN_PLAIN.containsKey(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        RecordedInPlain recorded = IN_PLAIN.get(representation.getType());
        return representation.upcastPayload(recorded.current(), JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            JsonNode plain = upcast.get(recorded.field());
            if (plain != null && !plain.isNull()) {
                upcast.set(recorded.field(), upcast.objectNode().set(SealedFacts.UNSEALED, plain));
            }
            return upcast;
        });
    }
}
