package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The province consented in writing; the document itself is in the event's metadata. */
@Revision("1")
public record ProvincialConsentRecorded(String memberId,
                                        ConsentKind kind,
                                        LocalDate consentDate,
                                        String consentingOrgId) {
}
