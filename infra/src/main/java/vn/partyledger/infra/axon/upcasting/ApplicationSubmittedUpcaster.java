package vn.partyledger.infra.axon.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import vn.partyledger.domain.member.ApplicationSubmitted;

/** Revision 1 of {@link ApplicationSubmitted} stated no re-admission grounds; the event reads them as none. */
@Component
public class ApplicationSubmittedUpcaster extends AddedFieldUpcaster {

    public ApplicationSubmittedUpcaster() {
        super(ApplicationSubmitted.class, "1", "2");
    }

    @Override
    protected void addFields(ObjectNode payload) {
        payload.putNull("readmissionGrounds");
    }
}
