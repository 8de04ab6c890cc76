package vn.partyledger.domain.organisation;

/**
 * What an organisation may decide (docs/rules.md#s3-1). Flags, not levels, because the 2025 reform moved the district's
 * powers to wards: authority lookups read these flags as they were on the decision's date.
 */
public record OrganisationFlags(boolean grassroots,
                                boolean directSuperiorOfGrassroots,
                                boolean delegatedAdmissionAuthority,
                                boolean canDecideDiscipline) {

    public static final OrganisationFlags NONE = new OrganisationFlags(false, false, false, false);
}
