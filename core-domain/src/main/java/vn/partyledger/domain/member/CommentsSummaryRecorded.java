package vn.partyledger.domain.member;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The comments summary is on file. */
@Revision("1")
public record CommentsSummaryRecorded(String memberId,
                                      String docRef,
                                      LocalDate filedOn) {
}
