package vn.partyledger.infra.axon.upcasting;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.member.ApplicationSubmitted;

/** Revision 1 of {@link ApplicationSubmitted} stated no re-admission grounds; the event reads them as none (null). */
@Component
public class ApplicationSubmittedUpcaster extends PayloadUpcaster {

    public ApplicationSubmittedUpcaster() {
        super(ApplicationSubmitted.class, "1", "3", payload -> payload.putNull("readmissionGrounds"));
    }
}
