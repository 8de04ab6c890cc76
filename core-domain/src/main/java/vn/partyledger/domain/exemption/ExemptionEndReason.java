package vn.partyledger.domain.exemption;

/** Why an exemption ended: the member applied to resume, a temporary one ran out, or the deciding body revoked it. */
public enum ExemptionEndReason {
    MEMBER_RESUMED,
    EXPIRED,
    REVOKED
}
