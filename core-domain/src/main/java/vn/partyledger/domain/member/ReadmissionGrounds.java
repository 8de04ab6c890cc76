package vn.partyledger.domain.member;

import java.time.LocalDate;

/**
 * What a re-admission application states about the earlier exit, from the paper file and the court (I25, ADR 0014).
 * Each part is needed only for some exits, so each may be null:
 * {@code exitCategoryOnFile} with {@code exitFileRef} — the category of an exit the ledger does not know it for (an
 * expulsion recorded as NOT_RECORDED, a strike-off for political standards), and the file document that shows it;
 * {@code convictionExpungedOn} — when a conviction for a less-serious offence was expunged;
 * {@code familyHardshipRef} — the decision that found especially difficult family circumstances behind a voluntary exit.
 */
public record ReadmissionGrounds(ViolationCategory exitCategoryOnFile,
                                 String exitFileRef,
                                 LocalDate convictionExpungedOn,
                                 String familyHardshipRef) {

    public static final ReadmissionGrounds NONE = new ReadmissionGrounds(null, null, null, null);
}
