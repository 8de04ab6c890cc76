package vn.partyledger.query.statistics;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import vn.partyledger.query.batch.BatchedUpdates;
import vn.partyledger.domain.correction.EntryAnnulled;
import vn.partyledger.domain.correction.EntryDateCorrected;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.member.ProbationaryMemberStruckOff;
import vn.partyledger.domain.statistics.LossKind;
import vn.partyledger.domain.transfer.MemberHomeChanged;
import vn.partyledger.domain.transfer.MemberLeftForProvince;

import java.time.LocalDate;

/**
 * Keeps {@code statistics_losses}: one document per loss, keyed by the id of the event that recorded it — so a
 * redelivered event writes the same document, and an annulment or a date correction (I30), which names that event,
 * finds it — under the branch whose roll the member left, with the date it took effect. Every write is by {@code _id},
 * held for the processor batch and sent in bulk before its token (ADR 0038).
 */
@ProcessingGroup(MembershipStatisticsProjection.PROCESSING_GROUP)
public class MembershipStatisticsProjection {

    public static final String PROCESSING_GROUP = "membership-statistics";
    static final String LOSSES = "statistics_losses";
    static final String BRANCH = "branchId";
    static final String KIND = "kind";
    static final String ON = "on";
    static final String GROUND = "ground";
    static final String DESTINATION = "toOrgId";
    static final String DESTINATION_PROVINCE = "toProvince";

    private final BatchedUpdates losses;

    public MembershipStatisticsProjection(MongoDatabase database) {
        this.losses = new BatchedUpdates(database.getCollection(LOSSES));
    }

    @EventHandler
    void on(MemberDeceased event, @MessageIdentifier String eventId) {
        lost(eventId, event.homeOrgId(), LossKind.DEATH, event.dateOfDeath(), new Document());
    }

    @EventHandler
    void on(MemberStruckOff event, @MessageIdentifier String eventId) {
        boolean voluntary = event.ground() == StrikeOffGround.VOLUNTARY_EXIT;
        lost(eventId, event.homeOrgId(), voluntary ? LossKind.VOLUNTARY_EXIT : LossKind.STRIKE_OFF,
                event.effectiveDate(), new Document(GROUND, event.ground().name()));
    }

    @EventHandler
    void on(ProbationaryMemberStruckOff event, @MessageIdentifier String eventId) {
        lost(eventId, event.homeOrgId(), LossKind.PROBATIONARY_STRIKE_OFF, event.decisionDate(), new Document());
    }

    @EventHandler
    void on(DisciplineImposed event, @MessageIdentifier String eventId) {
        if (event.form() == DisciplineForm.EXPULSION) {
            lost(eventId, event.homeOrgId(), LossKind.EXPULSION, event.effectiveDate(), new Document());
        }
    }

    /** The transfer out is the sending branch's loss. */
    @EventHandler
    void on(MemberHomeChanged event, @MessageIdentifier String eventId) {
        lost(eventId, event.fromOrgId(), LossKind.TRANSFER_OUT, event.effectiveDate(),
                new Document(DESTINATION, event.toOrgId()));
    }

    /** A transfer to another province is the sending branch's loss too; its destination is that province. */
    @EventHandler
    void on(MemberLeftForProvince event, @MessageIdentifier String eventId) {
        lost(eventId, event.homeOrgId(), LossKind.TRANSFER_OUT, event.leftOn(),
                new Document(DESTINATION, event.toOrgId()).append(DESTINATION_PROVINCE, event.toProvince()));
    }

    /** An annulled death or strike-off never happened (I30), so it was never a loss. */
    @EventHandler
    void on(EntryAnnulled event) {
        losses.deleteOne(event.annulledEventId());
    }

    @EventHandler
    void on(EntryDateCorrected event) {
        losses.updateOne(Filters.eq("_id", event.correctedEventId()),
                Updates.set(ON, event.correctedDate().toString()), new UpdateOptions());
    }

    private void lost(String eventId, String branchId, LossKind kind, LocalDate on, Document detail) {
        losses.updateOne(Filters.eq("_id", eventId), Updates.combine(Updates.set(BRANCH, branchId),
                Updates.set(KIND, kind.name()), Updates.setOnInsert(ON, on.toString()),
                Updates.set("detail", detail)), new UpdateOptions().upsert(true));
    }
}
