package vn.partyledger.infra.axon.upcasting;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.transfer.IncomingTransferRecorded;

/**
 * Revision 1 of {@link IncomingTransferRecorded} holds the record a letter carried before it said when probation ends
 * (ADR 0050): read as not recorded, as on the sending side.
 */
@Component
public class IncomingTransferRecordedUpcaster extends PayloadUpcaster {

    public IncomingTransferRecordedUpcaster() {
        super(IncomingTransferRecorded.class, "1", "2",
                TransferLetterSentToProvinceUpcaster::probationEndNotRecorded);
    }
}
