package vn.partyledger.domain.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a member's party age is counted from (docs/rules.md#s7-1), as the member's events leave it: the first admission
 * decision and the periods out of party life. An exit (strike-off, expulsion) opens a gap and the next admission
 * decision closes it; lost contact opens a gap that restored contact closes; a letter presented after its present-by
 * date leaves a closed gap of the days it was late (ADR 0017). The Member aggregate and the party-age read model both
 * fold the events through it (ADR 0040), so the two count the same party age.
 *
 * @param firstAdmissionDecision null before any admission decision
 * @param lostContactSince       the first day without contact while contact is lost, else null
 * @param lostContactGap         the index in {@code gaps} of the open lost-contact gap, or -1 when there is none there
 *                               (the gap was closed or taken away by another event)
 */
public record PartyAgeRecord(LocalDate firstAdmissionDecision,
                             List<PartyAge.Gap> gaps,
                             LocalDate lostContactSince,
                             int lostContactGap) {

    public static final PartyAgeRecord NONE = new PartyAgeRecord(null, List.of(), null, -1);

    public PartyAgeRecord {
        gaps = List.copyOf(gaps);
    }

    /** The party age so far, or empty before any admission decision. */
    public Optional<PartyAge> partyAge() {
        return Optional.ofNullable(firstAdmissionDecision).map(first -> new PartyAge(first, gaps));
    }

    /** The first admission decision starts the count; a later one (a re-admission) ends the gaps still open. */
    public PartyAgeRecord admissionApproved(LocalDate decisionDate) {
        if (firstAdmissionDecision == null) {
            return new PartyAgeRecord(decisionDate, gaps, lostContactSince, lostContactGap);
        }
        List<PartyAge.Gap> closed = gaps.stream().map(gap -> gap.until() == null ? closedOn(gap, decisionDate) : gap)
                .toList();
        boolean lostContactClosed = lostContactGap >= 0 && gaps.get(lostContactGap).until() == null;
        return new PartyAgeRecord(firstAdmissionDecision, closed, lostContactSince,
                lostContactClosed ? -1 : lostContactGap);
    }

    /** The paper file states the first admission decision and the gaps (issue 10). */
    public PartyAgeRecord imported(LocalDate firstAdmissionDecisionDate, List<PartyAge.Gap> importedGaps) {
        List<PartyAge.Gap> all = new ArrayList<>(gaps);
        all.addAll(importedGaps);
        return new PartyAgeRecord(firstAdmissionDecisionDate, all, lostContactSince, lostContactGap);
    }

    /**
     * Time struck off or expelled does not count. Leaving the roll ends a lost contact where the exit's own gap begins,
     * so the two run on without overlap, and an annulment of the exit gives back the exit's time only, not the time
     * the member was out of contact before it.
     */
    public PartyAgeRecord exitOn(LocalDate date) {
        return contactRestoredOn(date).withGap(new PartyAge.Gap(date, null));
    }

    /** Time of lost contact with the party organisation does not count. */
    public PartyAgeRecord contactLostFrom(LocalDate from) {
        return new PartyAgeRecord(firstAdmissionDecision, append(new PartyAge.Gap(from, null)), from, gaps.size());
    }

    public PartyAgeRecord contactRestoredOn(LocalDate date) {
        if (lostContactSince == null) {
            return this;
        }
        List<PartyAge.Gap> updated = new ArrayList<>(gaps);
        if (lostContactGap >= 0) {
            updated.set(lostContactGap, closedOn(gaps.get(lostContactGap), date));
        }
        return new PartyAgeRecord(firstAdmissionDecision, updated, null, -1);
    }

    /** The days a transfer letter was presented late do not count. */
    public PartyAgeRecord presentedLate(LocalDate presentBy, LocalDate presentedDate) {
        return withGap(new PartyAge.Gap(presentBy, presentedDate));
    }

    /** A wrongful strike-off or expulsion annulled: the party age is continuous, as if the gap never was (QĐ 117). */
    public PartyAgeRecord restoredContinuously() {
        return without(gap -> gap.until() == null);
    }

    /** A strike-off keyed by mistake never happened (I30): its gap goes, unlike a restoration's, which is recorded. */
    public PartyAgeRecord strikeOffAnnulled(LocalDate entryDate) {
        return without(gap -> gap.until() == null && gap.from().equals(entryDate));
    }

    /** A mistyped admission decision date (I30): party age counts from, or the gap closes on, the corrected date. */
    public PartyAgeRecord admissionDateCorrected(LocalDate recordedDate, LocalDate correctedDate) {
        if (recordedDate.equals(firstAdmissionDecision)) {
            return new PartyAgeRecord(correctedDate, gaps, lostContactSince, lostContactGap);
        }
        List<PartyAge.Gap> corrected = gaps.stream().map(gap -> recordedDate.equals(gap.until())
                ? new PartyAge.Gap(gap.from(), correctedDate)
                : gap).toList();
        return new PartyAgeRecord(firstAdmissionDecision, corrected, lostContactSince, lostContactGap);
    }

    private PartyAgeRecord withGap(PartyAge.Gap gap) {
        return new PartyAgeRecord(firstAdmissionDecision, append(gap), lostContactSince, lostContactGap);
    }

    private List<PartyAge.Gap> append(PartyAge.Gap gap) {
        List<PartyAge.Gap> all = new ArrayList<>(gaps);
        all.add(gap);
        return all;
    }

    /** The gaps that match go; the lost-contact gap keeps its place among the others, or is gone with them. */
    private PartyAgeRecord without(Predicate<PartyAge.Gap> removed) {
        List<PartyAge.Gap> kept = new ArrayList<>();
        int lostContactAt = -1;
        for (int index = 0; index < gaps.size(); index++) {
            if (!removed.test(gaps.get(index))) {
                if (index == lostContactGap) {
                    lostContactAt = kept.size();
                }
                kept.add(gaps.get(index));
            }
        }
        return new PartyAgeRecord(firstAdmissionDecision, kept, lostContactSince, lostContactAt);
    }

    /**
     * Replaying must never fail, so a date recorded before the gap began (a data-entry slip on paper) closes it empty
     * rather than backwards.
     */
    private static PartyAge.Gap closedOn(PartyAge.Gap gap, LocalDate date) {
        return new PartyAge.Gap(gap.from(), date.isBefore(gap.from()) ? gap.from() : date);
    }
}
