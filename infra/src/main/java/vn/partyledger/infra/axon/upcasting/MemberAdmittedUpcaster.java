package vn.partyledger.infra.axon.upcasting;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.member.MemberAdmitted;

/**
 * Revision 1 of {@link MemberAdmitted} did not say whether it was a re-admission nor when the first admission was
 * decided; it is read as a first admission, party age counting from its own decision. A re-admission stored at
 * revision 1 cannot be told apart from a first admission by this event alone and is read as one too: its
 * re-admission shows only in the candidacy's {@code ApplicationSubmitted} (readmission = true) and its first decision
 * in the record's earlier {@code AdmissionApproved} (ADR 0014). The aggregate counts party age from those events, so
 * only readers of this event alone see the difference.
 */
@Component
public class MemberAdmittedUpcaster extends PayloadUpcaster {

    public MemberAdmittedUpcaster() {
        super(MemberAdmitted.class, "1", "2", payload -> {
            payload.put("readmission", false);
            payload.set("firstAdmissionDecisionDate", payload.get("admissionDecisionDate"));
        });
    }
}
