package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * The competent committee refused the admission; the candidate's file is closed. The committee's reason is free
 * text, so it is sealed with the person's key; revision 1 held it in plain (ADR 0023).
 */
@Revision("2")
public record AdmissionRefused(String memberId,
                               LocalDate decisionDate,
                               String decidedByOrgId,
                               Sensitive<String> reason) {
}
