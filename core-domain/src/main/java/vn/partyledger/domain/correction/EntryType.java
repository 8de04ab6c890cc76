package vn.partyledger.domain.correction;

import vn.partyledger.domain.badge.PartyBadgeAwarded;
import vn.partyledger.domain.discipline.MemberDeceased;
import vn.partyledger.domain.discipline.MemberStruckOff;
import vn.partyledger.domain.exemption.ExemptionGranted;
import vn.partyledger.domain.member.AdmissionApproved;

import java.util.Arrays;
import java.util.Optional;

/**
 * The entries a clerk's mistake can be corrected in (I30), each with what may be done to it. Every other entry is a
 * decision with its own procedure when it was wrong (appeal, restoration, a new decision), so it is not listed here.
 */
public enum EntryType {
    /** Recorded against the wrong person: annulled, the member never died; or the date was mistyped. */
    MEMBER_DECEASED(MemberDeceased.class, true, true),
    /** Keyed against the wrong member: annulled, there was never a gap (unlike a restoration after an appeal). */
    MEMBER_STRUCK_OFF(MemberStruckOff.class, true, false),
    PARTY_BADGE_AWARDED(PartyBadgeAwarded.class, true, false),
    EXEMPTION_GRANTED(ExemptionGranted.class, true, false),
    /** The decision's date is where party age counts from (Charter Art. 5.4), so a mistyped one is corrected. */
    ADMISSION_APPROVED(AdmissionApproved.class, false, true);

    private final Class<?> eventClass;
    private final boolean annullable;
    private final boolean dateCorrectable;

    EntryType(Class<?> eventClass, boolean annullable, boolean dateCorrectable) {
        this.eventClass = eventClass;
        this.annullable = annullable;
        this.dateCorrectable = dateCorrectable;
    }

    /** The correctable type of an event's payload, or empty for an entry no correction applies to. */
    public static Optional<EntryType> of(Object payload) {
        return Arrays.stream(values()).filter(type -> type.eventClass.isInstance(payload)).findFirst();
    }

    public boolean annullable() {
        return annullable;
    }

    public boolean dateCorrectable() {
        return dateCorrectable;
    }
}
