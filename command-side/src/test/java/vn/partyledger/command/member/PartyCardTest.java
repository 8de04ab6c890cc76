package vn.partyledger.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.support.FixedToday;
import vn.partyledger.command.support.Violation;
import vn.partyledger.domain.member.ExchangePartyCard;
import vn.partyledger.domain.member.FullMembershipRecognized;
import vn.partyledger.domain.member.IssuePartyCard;
import vn.partyledger.domain.member.PartyCardExchanged;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.member.PartyCardReissued;
import vn.partyledger.domain.member.PartyCardReportedLost;
import vn.partyledger.domain.member.ReissuePartyCard;
import vn.partyledger.domain.member.ReportCardLost;
import vn.partyledger.domain.shared.DecisionRef;

import java.time.LocalDate;

import static vn.partyledger.command.member.RecruitmentHistory.AUTHORITY;
import static vn.partyledger.command.member.RecruitmentHistory.BRANCH;
import static vn.partyledger.command.member.RecruitmentHistory.DECIDED;
import static vn.partyledger.command.member.RecruitmentHistory.PROBATION_END;
import static vn.partyledger.command.member.RecruitmentHistory.RESOLVER;
import static vn.partyledger.command.member.RecruitmentHistory.WARD;
import static vn.partyledger.command.member.RecruitmentHistory.plus;
import static vn.partyledger.command.member.RecruitmentHistory.probationary;

/** The party card (I13) on the Member's party-card entity: issue, loss, reissue and exchange. */
class PartyCardTest {

    private static final LocalDate ISSUED = LocalDate.of(2021, 9, 15);
    private static final DecisionRef DISTRICT_DECISION = new DecisionRef("301-QĐ/QU", ISSUED, AUTHORITY);
    private static final DecisionRef WARD_DECISION = new DecisionRef("45-QĐ/ĐU", LocalDate.of(2025, 8, 20), WARD);
    private static final PartyCardIssued CARD_ISSUED = new PartyCardIssued("m1", "TĐV-79-004417", ISSUED, AUTHORITY,
            "meeting-10");
    private static final PartyCardReportedLost CARD_LOST = new PartyCardReportedLost("m1", "TĐV-79-004417",
            LocalDate.of(2024, 4, 2));

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(FixedToday.today());
        fixture.registerInjectableResource(RESOLVER);
    }

    private static Object[] fullMember() {
        return plus(probationary(), new FullMembershipRecognized("m1", BRANCH, PROBATION_END.plusDays(20),
                PROBATION_END, AUTHORITY, false));
    }

    private static IssuePartyCard issue(DecisionRef decision) {
        return new IssuePartyCard("m1", "TĐV-79-004417", "meeting-10", decision);
    }

    @Test
    @DisplayName("I13: the direct superior of the grassroots organisation issues a full member their card")
    void theDirectSuperiorOfTheGrassrootsOrganisationIssuesAFullMemberTheirCard() {
        fixture.given(fullMember())
                .when(issue(DISTRICT_DECISION))
                .expectEvents(CARD_ISSUED);
    }

    @Test
    @DisplayName("I13: a probationary member gets no party card")
    void aProbationaryMemberGetsNoPartyCard() {
        fixture.given(probationary())
                .when(issue(new DecisionRef("301-QĐ/QU", DECIDED.plusMonths(2), AUTHORITY)))
                .expectNoEvents()
                .expectException(Violation.of("I13", "cardIsIssuedToAFullMember"));
    }

    @Test
    @DisplayName("I13: a card is issued on the day full membership takes effect")
    void aCardIsIssuedOnTheDayFullMembershipTakesEffect() {
        fixture.given(fullMember())
                .when(issue(new DecisionRef("301-QĐ/QU", PROBATION_END, AUTHORITY)))
                .expectEvents(new PartyCardIssued("m1", "TĐV-79-004417", PROBATION_END, AUTHORITY, "meeting-10"));
    }

    @Test
    @DisplayName("I13: a card decided the day before full membership took effect went to a probationary member")
    void aCardDecidedTheDayBeforeFullMembershipTookEffectWentToAProbationaryMember() {
        fixture.given(fullMember())
                .when(issue(new DecisionRef("301-QĐ/QU", PROBATION_END.minusDays(1), AUTHORITY)))
                .expectNoEvents()
                .expectException(Violation.of("I13", "cardIsIssuedToAFullMember"));
    }

    @Test
    @DisplayName("I13: a body other than the direct superior of the grassroots organisation issues no card")
    void aBodyOtherThanTheDirectSuperiorIssuesNoCard() {
        fixture.given(fullMember())
                .when(issue(new DecisionRef("12-QĐ/ĐU", ISSUED, WARD)))
                .expectNoEvents()
                .expectException(Violation.of("I13", "cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation"));
    }

    @Test
    @DisplayName("I13: a member who holds a card is not issued a second one")
    void aMemberWhoHoldsACardIsNotIssuedASecondOne() {
        fixture.given(plus(fullMember(), CARD_ISSUED))
                .when(issue(DISTRICT_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("I13", "aMemberHoldsOneCard"));
    }

    @Test
    @DisplayName("PARTY_CARD_NOT_VALID: a member reports their card lost")
    void aMemberReportsTheirCardLost() {
        fixture.given(plus(fullMember(), CARD_ISSUED))
                .when(new ReportCardLost("m1", LocalDate.of(2024, 4, 2)))
                .expectEvents(CARD_LOST);
    }

    @Test
    @DisplayName("a member without a card cannot report one lost")
    void aMemberWithoutACardCannotReportOneLost() {
        fixture.given(fullMember())
                .when(new ReportCardLost("m1", LocalDate.of(2024, 4, 2)))
                .expectNoEvents()
                .expectException(Violation.of("PARTY_CARD_NOT_VALID", "onlyAValidCardIsReportedLost"));
    }

    @Test
    @DisplayName("I13, PARTY_CARD_NOT_LOST: a card reported lost is reissued under a new number by the issuing body")
    void aCardReportedLostIsReissuedUnderANewNumber() {
        DecisionRef decision = new DecisionRef("88-QĐ/QU", LocalDate.of(2024, 5, 6), AUTHORITY);
        fixture.given(plus(fullMember(), CARD_ISSUED, CARD_LOST))
                .when(new ReissuePartyCard("m1", "TĐV-79-118230", decision))
                .expectEvents(new PartyCardReissued("m1", "TĐV-79-004417", "TĐV-79-118230", decision.docDate(),
                        AUTHORITY));
    }

    @Test
    @DisplayName("a card is reissued only after its loss was reported")
    void aCardIsReissuedOnlyAfterItsLossWasReported() {
        fixture.given(plus(fullMember(), CARD_ISSUED))
                .when(new ReissuePartyCard("m1", "TĐV-79-118230",
                        new DecisionRef("88-QĐ/QU", LocalDate.of(2024, 5, 6), AUTHORITY)))
                .expectNoEvents()
                .expectException(Violation.of("PARTY_CARD_NOT_LOST", "aCardIsReissuedOnlyAfterALossReport"));
    }

    @Test
    @DisplayName("I13, PARTY_CARD_NOT_VALID: a valid card is exchanged for a new one in the CT-51-2025 campaign by the ward")
    void aValidCardIsExchangedInTheCampaign() {
        fixture.given(plus(fullMember(), CARD_ISSUED))
                .when(new ExchangePartyCard("m1", "ĐV-2025-000917", "CT-51-2025", WARD_DECISION))
                .expectEvents(new PartyCardExchanged("m1", "TĐV-79-004417", "ĐV-2025-000917", "CT-51-2025",
                        WARD_DECISION.docDate(), WARD));
    }

    @Test
    @DisplayName("a card reported lost is not exchanged but reissued")
    void aCardReportedLostIsNotExchanged() {
        fixture.given(plus(fullMember(), CARD_ISSUED, CARD_LOST))
                .when(new ExchangePartyCard("m1", "ĐV-2025-000917", "CT-51-2025", WARD_DECISION))
                .expectNoEvents()
                .expectException(Violation.of("PARTY_CARD_NOT_VALID", "onlyAValidCardIsExchanged"));
    }
}
