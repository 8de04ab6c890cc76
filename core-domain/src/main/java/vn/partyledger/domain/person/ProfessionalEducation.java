package vn.partyledger.domain.person;

/** The highest professional qualification (chuyên môn nghiệp vụ). */
public enum ProfessionalEducation {
    NONE,
    ELEMENTARY_VOCATIONAL,
    INTERMEDIATE,
    COLLEGE,
    UNIVERSITY,
    MASTER,
    DOCTORATE
}
