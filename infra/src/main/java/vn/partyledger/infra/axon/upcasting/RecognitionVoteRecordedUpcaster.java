package vn.partyledger.infra.axon.upcasting;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.member.RecognitionVoteRecorded;

/**
 * Revision 1 of {@link RecognitionVoteRecorded} did not name the committee that voted: a branch vote names none, and
 * a committee vote of then reads as not recorded (null), as the committee was not asked for (ADR 0015).
 */
@Component
public class RecognitionVoteRecordedUpcaster extends PayloadUpcaster {

    public RecognitionVoteRecordedUpcaster() {
        super(RecognitionVoteRecorded.class, "1", "2", payload -> payload.putNull("committeeOrgId"));
    }
}
