package vn.partyledger.domain.exemption;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * An exemption the paper file {@code paperFileRef} shows in force was imported with the member's record on
 * {@code importedOn} (ADR 0028): it holds from {@code from}, and a temporary one runs until {@code until} (null for a
 * full one). From then on it is the member's exemption in force, as one granted live. The reason is sealed with the
 * person's key, as in {@link ExemptionGranted} (ADR 0023).
 */
@Revision("1")
public record ExemptionImported(String memberId,
                                ExemptionKind kind,
                                Sensitive<ExemptionReason> reason,
                                LocalDate from,
                                LocalDate until,
                                String paperFileRef,
                                LocalDate importedOn) {
}
