package vn.partyledger.domain.discipline;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The member appealed; the decision appealed against stays in force meanwhile (I21). */
@Revision("1")
public record AppealFiled(String memberId,
                          AppealSubject subject,
                          LocalDate decisionReceivedOn,
                          LocalDate filedOn) {
}
