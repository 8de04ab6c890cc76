package vn.partyledger.infra.axon.upcasting;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.infra.person.SealedFacts;

/**
 * Revision 1 of {@link DisciplineImposed} had no violation category: it was not recorded (ADR 0014), and reads as
 * such, a fact recorded before sealing (ADR 0023).
 */
@Component
public class DisciplineImposedUpcaster extends PayloadUpcaster {

    public DisciplineImposedUpcaster() {
        super(DisciplineImposed.class, "1", "3", payload -> payload.set("violationCategory",
                payload.objectNode().put(SealedFacts.UNSEALED, ViolationCategory.NOT_RECORDED.name())));
    }
}
