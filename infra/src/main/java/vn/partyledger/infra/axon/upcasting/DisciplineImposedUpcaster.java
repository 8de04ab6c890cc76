package vn.partyledger.infra.axon.upcasting;

import org.springframework.stereotype.Component;
import vn.partyledger.domain.discipline.DisciplineImposed;
import vn.partyledger.domain.member.ViolationCategory;

/** Revision 1 of {@link DisciplineImposed} had no violation category: it was not recorded (ADR 0014). */
@Component
public class DisciplineImposedUpcaster extends AddedFieldUpcaster {

    public DisciplineImposedUpcaster() {
        super(DisciplineImposed.class, "1", "2",
                payload -> payload.put("violationCategory", ViolationCategory.NOT_RECORDED.name()));
    }
}
