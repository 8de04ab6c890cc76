package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The candidate withdrew; the file is closed. */
@Revision("1")
public record ApplicationWithdrawn(String memberId,
                                   LocalDate withdrawnOn,
                                   String reason) {
}
