package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.partyledger.command.support.RecordingMembershipLedger;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.PROBATION_END;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/** A full member of branch kp1 in 2024, when the district committee decides, for the leaving and discipline tests. */
final class LeavingHistory {

    static final LocalDate DECIDED = LocalDate.of(2024, 5, 6);
    static final DecisionRef BY_AUTHORITY = new DecisionRef("45-QĐ/QU", DECIDED, AUTHORITY);
    static final DecisionRef BY_BRANCH = new DecisionRef("07-QĐ/CB", DECIDED, BRANCH);

    private LeavingHistory() {
    }

    static Object[] fullMember() {
        return plus(probationary(), new FullMembershipRecognized("m1", BRANCH, LocalDate.of(2021, 7, 12),
                PROBATION_END, AUTHORITY, false));
    }

    static AggregateTestFixture<Member> fixture(RecordingMembershipLedger ledger) {
        return RecruitmentHistory.fixture(ledger);
    }
}
