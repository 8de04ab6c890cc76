package vn.partyledger.bench.province;

import java.time.LocalDate;

/**
 * What a synthetic province is generated from: its size in members, how many years of history run through the
 * commands after the import, and the seed of its random choices. The same shape always gives the same province.
 */
public record ProvinceShape(int members, int historyYears, long seed) {

    /** The last day of every generated history: fixed, so a shape plans the same commands on any day it is run. */
    public static final LocalDate HISTORY_END = LocalDate.of(2026, 11, 27);
    /** The 1 Jul 2025 reorganisation (QĐ 294): wards merged, admissions decided by the new wards. */
    public static final LocalDate REORGANISATION = LocalDate.of(2025, 7, 1);

    public ProvinceShape {
        if (members < 1_000 || members > 400_000) {
            throw new IllegalArgumentException("A province of 1,000 to 400,000 members, not " + members);
        }
        if (historyYears < 2 || historyYears > 10) {
            // two years at least, so the history runs across the reorganisation
            throw new IllegalArgumentException("Two to ten years of history, not " + historyYears);
        }
    }

    /** The first day of the history; the imported population is as the paper files stood the day before. */
    public LocalDate historyStart() {
        return HISTORY_END.minusYears(historyYears);
    }
}
