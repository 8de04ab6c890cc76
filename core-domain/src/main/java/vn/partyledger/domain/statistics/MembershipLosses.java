package vn.partyledger.domain.statistics;

import vn.partyledger.domain.discipline.StrikeOffGround;

import java.util.List;
import java.util.Map;

/** The members lost in a year, for the organisation and each organisation directly under it. */
public record MembershipLosses(int year, Figures total, List<Figures> subOrganisations) {

    /**
     * One organisation's losses in the year, each dated by its decision's effect (a death by its date): how many of
     * each kind, strike-offs also by ground, transfers out also by destination. A transfer between two branches of the
     * organisation is no loss to it. An annulled death or strike-off was never one.
     */
    public record Figures(String orgId, String name, Map<LossKind, Integer> byKind,
                          Map<StrikeOffGround, Integer> strikeOffsByGround,
                          Map<TransferDestination, Integer> transfersOutByDestination) {
    }
}
