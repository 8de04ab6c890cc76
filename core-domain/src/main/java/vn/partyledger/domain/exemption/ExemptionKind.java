package vn.partyledger.domain.exemption;

/** Full exemption (miễn công tác và sinh hoạt đảng, open-ended) or temporary exemption (tạm miễn sinh hoạt, bounded). */
public enum ExemptionKind {
    FULL,
    TEMPORARY
}
