package vn.partyledger.domain.member;

/** Who introduces a candidate (Charter Art. 4; QĐ 24 §3.1–3.2): a full member, or a mass organisation's committee. */
public enum IntroducerType {
    FULL_MEMBER,
    YOUTH_UNION_COMMITTEE,
    TRADE_UNION_COMMITTEE
}
