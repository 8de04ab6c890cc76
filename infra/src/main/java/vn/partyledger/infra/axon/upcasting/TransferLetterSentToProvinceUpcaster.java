package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.transfer.TransferLetterSentToProvince;

/**
 * Revision 1 of {@link TransferLetterSentToProvince} carried a transferable record without the day probation ends
 * (ADR 0050): it is read as not recorded (null), which the receiving province reads as a letter that did not say.
 */
@Component
public class TransferLetterSentToProvinceUpcaster extends PayloadUpcaster {

    public TransferLetterSentToProvinceUpcaster() {
        super(TransferLetterSentToProvince.class, "1", "2", TransferLetterSentToProvinceUpcaster::probationEndNotRecorded);
    }

    /** The reshape of every revision-1 event holding a transferable record under {@code record}. */
    static void probationEndNotRecorded(ObjectNode payload) {
        ((ObjectNode) payload.get("record")).putNull("probationEndDate");
    }
}
