package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The file went stale before the branch voted and is closed; {@code fileCompiledOn} is when its clock started. */
@Revision("1")
public record ApplicationFileExpired(String memberId,
                                     LocalDate expiredOn,
                                     LocalDate fileCompiledOn) {
}
