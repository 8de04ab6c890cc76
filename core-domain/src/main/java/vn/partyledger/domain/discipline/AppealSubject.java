package vn.partyledger.domain.discipline;

/** What an appeal is against (I21). */
public enum AppealSubject {
    STRIKE_OFF,
    DISCIPLINE
}
