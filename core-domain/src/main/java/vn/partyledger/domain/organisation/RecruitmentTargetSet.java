package vn.partyledger.domain.organisation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The admission target of {@code orgId} for {@code year}, set by its superior on {@code setOn}. */
@Revision("1")
public record RecruitmentTargetSet(String orgId, int year, TargetMode mode, BigDecimal value, String setByOrgId,
                                   LocalDate setOn) {
}
