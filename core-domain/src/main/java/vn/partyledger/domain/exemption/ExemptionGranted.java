package vn.partyledger.domain.exemption;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * {@code until} is null for a full exemption, which lasts until the member resumes; the resolution is in metadata.
 * The reason can reveal health, so it is sealed with the person's key; revision 1 held it in plain (ADR 0023).
 */
@Revision("2")
public record ExemptionGranted(String memberId,
                               ExemptionKind kind,
                               Sensitive<ExemptionReason> reason,
                               LocalDate from,
                               LocalDate until,
                               String decidedByOrgId,
                               String applicationRef) {
}
