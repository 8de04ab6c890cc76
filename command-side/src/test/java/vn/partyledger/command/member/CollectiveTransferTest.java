package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.member.AdmissionApproved;
import vn.partyledger.domain.member.CandidateSource;
import vn.partyledger.domain.member.MemberAdmitted;
import vn.partyledger.domain.member.MemberCollectivelyTransferred;
import vn.partyledger.domain.member.OutstandingCandidateRegistered;
import vn.partyledger.domain.shared.Sensitive;

import java.time.LocalDate;

/** A merge or split moves a member's home without letter or deadline (docs/rules.md#s9-3, I2). */
class CollectiveTransferTest {

    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    private final OutstandingCandidateRegistered registered = new OutstandingCandidateRegistered("m1", "p1", "kp1",
            Sensitive.of("p1", CandidateSource.RESIDENT), null, LocalDate.of(2020, 1, 6));
    private final AdmissionApproved approved = new AdmissionApproved("m1", LocalDate.of(2020, 6, 1), "district",
            LocalDate.of(2020, 6, 3));
    private final MemberAdmitted admitted = new MemberAdmitted("m1", "p1", "kp1", LocalDate.of(2020, 6, 10),
            LocalDate.of(2021, 6, 10), LocalDate.of(2020, 6, 1), false);

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
    }

    @Test
    @DisplayName("I2: a member is collectively transferred from their home to the merged organisation")
    void aMemberIsCollectivelyTransferredFromTheirHome() {
        fixture.given(registered, approved, admitted)
                .whenInvoking("m1", member -> member.transferCollectively("kp1", "kp-new", MERGER))
                .expectEvents(new MemberCollectivelyTransferred("m1", "kp1", "kp-new", MERGER));
    }

    @Test
    @DisplayName("I2: after a collective transfer the new organisation is the member's home")
    void afterACollectiveTransferTheNewOrganisationIsTheMembersHome() {
        fixture.given(registered, approved, admitted,
                        new MemberCollectivelyTransferred("m1", "kp1", "kp-new", MERGER))
                .whenInvoking("m1", member -> member.transferCollectively("kp1", "kp-other", MERGER.plusDays(1)))
                .expectNoEvents()
                .expectException(Violation.of("I2", "collectiveTransferMovesAMemberFromTheirCurrentHome"));
    }

    @Test
    @DisplayName("I2: a candidate is not a member on a roll and is not collectively transferred")
    void aCandidateIsNotCollectivelyTransferred() {
        fixture.given(registered)
                .whenInvoking("m1", member -> member.transferCollectively("kp1", "kp-new", MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I2", "collectiveTransferMovesAMemberFromTheirCurrentHome"));
    }

    @Test
    @DisplayName("I29: a deceased member is not collectively transferred, even by a merge dated before the death")
    void aDeceasedMemberIsNotCollectivelyTransferred() {
        fixture.given(registered, approved, admitted, new MemberDeceased("m1", "kp1", MERGER.plusDays(1)))
                .whenInvoking("m1", member -> member.transferCollectively("kp1", "kp-new", MERGER))
                .expectNoEvents()
                .expectException(Violation.of("I29", "aDeceasedMemberTakesNoFurtherCommands"));
    }
}
