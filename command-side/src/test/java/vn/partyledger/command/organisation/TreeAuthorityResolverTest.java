package vn.partyledger.command.organisation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.organisation.OrganisationFlags;
import vn.partyledger.domain.organisation.OrganisationKind;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The competent authority for admissions, read from the tree as it stood on the decision's date (docs/rules.md#s5). */
class TreeAuthorityResolverTest {

    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 3);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final OrganisationFlags NONE = OrganisationFlags.NONE;
    private static final OrganisationFlags GRASSROOTS = new OrganisationFlags(true, false, false, false);
    private static final OrganisationFlags DELEGATED = new OrganisationFlags(true, false, true, false);
    private static final OrganisationFlags DIRECT_SUPERIOR = new OrganisationFlags(false, true, false, true);

    private final Map<String, RegisteredOrganisation> tree = new HashMap<>();
    private final TreeAuthorityResolver resolver = new TreeAuthorityResolver(orgId -> Optional.ofNullable(tree.get(orgId)));

    /** Seed-like: ward 5 under district 8 until 1 Jul 2025, then under the city, with flags moving accordingly. */
    private void wardReorganisedOnFirstJuly2025(OrganisationFlags wardBefore) {
        add("hcmc", OrganisationKind.PROVINCIAL, null, Timeline.<String>empty(), flags(NONE));
        add("district-8", OrganisationKind.COMMUNE_LEVEL, REFORM, parents("hcmc"), flags(DIRECT_SUPERIOR));
        add("ward-5", OrganisationKind.GRASSROOTS_COMMITTEE, null,
                parents("district-8").with(REFORM, "hcmc"), flags(wardBefore).with(REFORM, DIRECT_SUPERIOR));
        add("kp1", OrganisationKind.SUBORDINATE_BRANCH, null, parents("ward-5"),
                flags(NONE).with(REFORM, GRASSROOTS));
    }

    @Test
    @DisplayName("I7: before 1 Jul 2025 admissions in a ward's branch are decided by the district")
    void beforeTheReformAdmissionsInAWardsBranchAreDecidedByTheDistrict() {
        wardReorganisedOnFirstJuly2025(GRASSROOTS);

        assertThat(resolver.admissionAuthority("kp1", REFORM.minusDays(1))).contains("district-8");
    }

    @Test
    @DisplayName("I7: since 1 Jul 2025 admissions in the same branch are decided by the ward")
    void sinceTheReformAdmissionsInTheSameBranchAreDecidedByTheWard() {
        wardReorganisedOnFirstJuly2025(GRASSROOTS);

        assertThat(resolver.admissionAuthority("kp1", REFORM)).contains("ward-5");
    }

    @Test
    @DisplayName("I7: a grassroots committee with delegated admission power decides for its branches itself")
    void aGrassrootsCommitteeWithDelegatedPowerDecidesItself() {
        wardReorganisedOnFirstJuly2025(DELEGATED);

        assertThat(resolver.admissionAuthority("kp1", LocalDate.of(2024, 3, 1))).contains("ward-5");
    }

    @Test
    @DisplayName("I7: a grassroots branch is its own grassroots organisation")
    void aGrassrootsBranchIsItsOwnGrassrootsOrganisation() {
        wardReorganisedOnFirstJuly2025(GRASSROOTS);
        add("police", OrganisationKind.GRASSROOTS_BRANCH, null, parents("ward-5"), flags(NONE));

        assertThat(resolver.admissionAuthority("police", REFORM)).contains("ward-5");
    }

    @Test
    @DisplayName("I7: no authority is found for a branch that does not exist on the date")
    void noAuthorityIsFoundForABranchThatDoesNotExistOnTheDate() {
        wardReorganisedOnFirstJuly2025(GRASSROOTS);

        assertThat(resolver.admissionAuthority("kp1", FOUNDED.minusDays(1))).isEmpty();
        assertThat(resolver.admissionAuthority("nowhere", REFORM)).isEmpty();
    }

    private static Timeline<String> parents(String parent) {
        return Timeline.<String>empty().with(FOUNDED, parent);
    }

    private static Timeline<OrganisationFlags> flags(OrganisationFlags flags) {
        return Timeline.<OrganisationFlags>empty().with(FOUNDED, flags);
    }

    private void add(String orgId, OrganisationKind kind, LocalDate dissolvedOn, Timeline<String> parents,
                     Timeline<OrganisationFlags> flags) {
        tree.put(orgId, new RegisteredOrganisation(orgId, kind, FOUNDED, dissolvedOn, Timeline.empty(), Timeline.empty(), Timeline.empty(),
                parents,
                flags));
    }
}
