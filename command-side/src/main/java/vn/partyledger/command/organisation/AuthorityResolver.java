package vn.partyledger.command.organisation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who is competent to decide for a branch on a date, walking the organisation tree as it was on that date
 * (docs/rules.md#s5 "Competent authority", policy ADMISSION_AUTHORITY_RESOLVER): a grassroots committee with delegated
 * admission power decides itself; otherwise the standing committee of the direct superior of the grassroots
 * organisation — a district before 1 Jul 2025, the ward or commune since.
 */
public interface AuthorityResolver {

    /** The organisation competent to decide admissions (and recognitions) for members of {@code branchId}. */
    Optional<String> admissionAuthority(String branchId, LocalDate date);
}
