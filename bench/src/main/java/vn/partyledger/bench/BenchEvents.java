package vn.partyledger.bench;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Member-admission-like payloads: shaped like the domain's events, local to the benchmark. */
final class BenchEvents {

    private BenchEvents() {
    }

    @Revision("1")
    record MemberAdmitted(String memberId, String branchId, String personId, LocalDate admittedOn,
                          String decisionNumber, String introducer1, String introducer2) {
    }

    @Revision("1")
    record MemberRecognizedAsOfficial(String memberId, String branchId, LocalDate recognizedOn,
                                      String decisionNumber) {
    }
}
