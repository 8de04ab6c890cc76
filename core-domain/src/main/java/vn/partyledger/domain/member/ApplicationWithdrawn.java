package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/**
 * The candidate withdrew; the file is closed. The reason is free text, so it is sealed with the person's key (null
 * when none was given); revision 1 held it in plain (ADR 0023).
 */
@Revision("2")
public record ApplicationWithdrawn(String memberId,
                                   LocalDate withdrawnOn,
                                   Sensitive<String> reason) {
}
