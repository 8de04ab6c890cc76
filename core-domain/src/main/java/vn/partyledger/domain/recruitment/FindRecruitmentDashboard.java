package vn.partyledger.domain.recruitment;

/**
 * The organisation's recruitment in a year, rolled up over the branches under it and shown for each organisation
 * directly under it; admissions are counted by decision date, or by ceremony date when {@code byCeremony}.
 */
public record FindRecruitmentDashboard(String orgId, int year, boolean byCeremony) {
}
