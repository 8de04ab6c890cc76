package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.member.HomeBranchEvent;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * A discipline the paper file {@code paperFileRef} shows in effect was imported with the member's record on
 * {@code importedOn} (ADR 0028): decided on {@code decidedOn} by decision {@code decisionRef}. It weighs on the record
 * as one imposed live that day (a badge's deferral, an appeal against it). Never an expulsion: an imported member is
 * on a roll. The violation category is sealed with the person's key, as in {@link DisciplineImposed} (ADR 0023).
 */
@Revision("1")
public record DisciplineImported(String memberId,
                                 DisciplineForm form,
                                 String homeOrgId,
                                 LocalDate decidedOn,
                                 String decisionRef,
                                 Sensitive<ViolationCategory> violationCategory,
                                 String paperFileRef,
                                 LocalDate importedOn) implements HomeBranchEvent {
}
