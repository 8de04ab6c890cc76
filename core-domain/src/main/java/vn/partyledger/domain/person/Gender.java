package vn.partyledger.domain.person;

/** Gender as the citizen identity record states it. */
public enum Gender {
    MALE,
    FEMALE
}
