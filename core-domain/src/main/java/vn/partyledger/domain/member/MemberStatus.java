package vn.partyledger.domain.member;

/** The primary status of a member: exactly one at a time (docs/rules.md#s4). */
public enum MemberStatus {
    CANDIDATE,
    PROBATIONARY,
    FULL,
    STRUCK_OFF,
    EXPELLED,
    LEFT_VOLUNTARILY,
    DECEASED;

    /** Probationary and full members are on a roll and have exactly one home organisation. */
    public boolean isOnRoll() {
        return this == PROBATIONARY || this == FULL;
    }
}
