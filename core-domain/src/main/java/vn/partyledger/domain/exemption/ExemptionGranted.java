package vn.partyledger.domain.exemption;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** {@code until} is null for a full exemption, which lasts until the member resumes; the resolution is in metadata. */
@Revision("1")
public record ExemptionGranted(String memberId,
                               ExemptionKind kind,
                               ExemptionReason reason,
                               LocalDate from,
                               LocalDate until,
                               String decidedByOrgId,
                               String applicationRef) {
}
