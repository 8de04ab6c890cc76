package vn.partyledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.partyledger.command.organisation.AuthorityResolver;
import vn.partyledger.domain.member.ExchangePartyCard;
import vn.partyledger.domain.member.IssuePartyCard;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.transfer.MemberJoinedFromProvince;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyCardExchanged;
import vn.partyledger.domain.member.PartyCardIssued;
import vn.partyledger.domain.member.PartyCardReissued;
import vn.partyledger.domain.member.PartyCardReportedLost;
import vn.partyledger.domain.member.ReissuePartyCard;
import vn.partyledger.domain.member.ReportCardLost;
import vn.partyledger.domain.shared.DecisionRef;
import vn.partyledger.domain.shared.Invariant;
import vn.partyledger.domain.shared.RuleViolation;
import vn.partyledger.domain.shared.Today;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The member's party card (docs/rules.md#s13-1, I13): issued to a full member by the direct superior of their grassroots
 * organisation, one card at a time; a lost card is reported, then reissued; a valid card may be exchanged in a
 * campaign. The issuing body is the one {@link AuthorityResolver} names for the member's branch (ADR 0012).
 */
class MemberPartyCard {

    private final Standing standing;
    /** The number of the card the member holds, or null when none was issued. */
    private String cardNumber;
    private boolean reportedLost;

    MemberPartyCard(Standing standing) {
        this.standing = standing;
    }

    @CommandHandler
    void handle(IssuePartyCard command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        cardIsIssuedToAFullMember(command.decision());
        cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation(command.decision(), authority);
        aMemberHoldsOneCard();
        apply(new PartyCardIssued(standing.memberId(), command.cardNumber(), command.decision().docDate(),
                command.decision().issuingOrgId(), command.handedOverMeetingId()));
    }

    @CommandHandler
    void handle(ReportCardLost command, Today today) {
        today.businessDateIsNotInTheFuture("report of the card's loss", command.reportedOn());
        onlyAValidCardIsReportedLost();
        apply(new PartyCardReportedLost(standing.memberId(), cardNumber, command.reportedOn()));
    }

    @CommandHandler
    void handle(ReissuePartyCard command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        aCardIsReissuedOnlyAfterALossReport();
        cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation(command.decision(), authority);
        apply(new PartyCardReissued(standing.memberId(), cardNumber, command.newCardNumber(),
                command.decision().docDate(), command.decision().issuingOrgId()));
    }

    @CommandHandler
    void handle(ExchangePartyCard command, AuthorityResolver authority, Today today) {
        today.decisionIsNotInTheFuture(command.decision());
        onlyAValidCardIsExchanged();
        cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation(command.decision(), authority);
        apply(new PartyCardExchanged(standing.memberId(), cardNumber, command.newCardNumber(), command.campaign(),
                command.decision().docDate(), command.decision().issuingOrgId()));
    }

    /** Full on the decision's date too: a card decided before full membership took effect went to a probationer. */
    /** The number of the card issued to the member, lost or not; null while none was issued. */
    String cardNumber() {
        return cardNumber;
    }

    private void cardIsIssuedToAFullMember(DecisionRef decision) {
        MemberStanding now = standing.snapshot();
        if (now.status() != MemberStatus.FULL) {
            throw new RuleViolation(Invariant.I13, "cardIsIssuedToAFullMember",
                    "A party card is issued only to a full member; this record is " + now.status() + ".");
        }
        if (!now.fullOn(decision.docDate())) {
            throw new RuleViolation(Invariant.I13, "cardIsIssuedToAFullMember",
                    "The card decision of " + decision.docDate() + " comes before full membership took effect on "
                            + now.fullSince() + "; a party card is issued only to a full member.");
        }
    }

    private void cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation(DecisionRef decision,
                                                                             AuthorityResolver authority) {
        String competent = authority.admissionAuthority(standing.homeOrgId(), decision.docDate()).orElse(null);
        if (!decision.issuingOrgId().equals(competent)) {
            throw new RuleViolation(Invariant.I13, "cardIsIssuedByTheDirectSuperiorOfTheGrassrootsOrganisation",
                    "Party cards for members of " + standing.homeOrgId() + " are issued by " + competent
                            + ", the direct superior of their grassroots organisation on " + decision.docDate()
                            + ", not by " + decision.issuingOrgId() + ".");
        }
    }

    private void aMemberHoldsOneCard() {
        if (cardNumber != null) {
            throw new RuleViolation(Invariant.I13, "aMemberHoldsOneCard",
                    "The member already holds card " + cardNumber + (reportedLost ? ", reported lost; reissue it" : "")
                            + "; a member holds one card at a time.");
        }
    }

    private void onlyAValidCardIsReportedLost() {
        if (cardNumber == null || reportedLost) {
            throw new RuleViolation(Invariant.PARTY_CARD_NOT_VALID, "onlyAValidCardIsReportedLost",
                    "Only a card the member holds can be reported lost; "
                            + (cardNumber == null ? "none was issued." : cardNumber + " is already reported lost."));
        }
    }

    private void aCardIsReissuedOnlyAfterALossReport() {
        if (!reportedLost) {
            throw new RuleViolation(Invariant.PARTY_CARD_NOT_LOST, "aCardIsReissuedOnlyAfterALossReport",
                    "A card is reissued only after its loss was reported; "
                            + (cardNumber == null ? "no card was issued." : "card " + cardNumber + " is valid."));
        }
    }

    private void onlyAValidCardIsExchanged() {
        if (cardNumber == null || reportedLost) {
            throw new RuleViolation(Invariant.PARTY_CARD_NOT_VALID, "onlyAValidCardIsExchanged",
                    "Only a valid card is exchanged; "
                            + (cardNumber == null ? "none was issued." : cardNumber + " is reported lost; reissue it."));
        }
    }

    @EventSourcingHandler
    void on(PartyCardIssued event) {
        cardNumber = event.cardNumber();
    }

    @EventSourcingHandler
    void on(MemberImported event) {
        cardNumber = event.cardNumber();
    }

    @EventSourcingHandler
    void on(MemberJoinedFromProvince event) {
        cardNumber = event.cardNumber();
        reportedLost = false;
    }

    @EventSourcingHandler
    void on(PartyCardReportedLost event) {
        reportedLost = true;
    }

    @EventSourcingHandler
    void on(PartyCardReissued event) {
        cardNumber = event.newCardNumber();
        reportedLost = false;
    }

    @EventSourcingHandler
    void on(PartyCardExchanged event) {
        cardNumber = event.newCardNumber();
    }
}
