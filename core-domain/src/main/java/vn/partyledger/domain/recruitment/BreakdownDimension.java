package vn.partyledger.domain.recruitment;

import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.person.Gender;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.ProfessionalEducation;
import vn.partyledger.domain.person.Religion;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What new members are broken down by (domain.md §14), each into cells. A yes-or-no dimension has the cells YES, NO
 * and UNKNOWN (the register does not say, or the person was erased); an enumerated one its values and UNKNOWN; the
 * occupation, free text in the register, the values met.
 */
public enum BreakdownDimension {
    /** Aged 18 to 30 in completed years on the admission decision's date. */
    AGED_18_30(yesOrNo(), (profile, decidedOn) -> profile.dateOfBirth() == null ? null
            : yes(Period.between(profile.dateOfBirth(), decidedOn).getYears() >= 18
            && Period.between(profile.dateOfBirth(), decidedOn).getYears() <= 30)),
    YOUTH_UNION(yesOrNo(), (profile, decidedOn) -> profile.youthUnionMember() == null ? null
            : yes(profile.youthUnionMember())),
    WOMEN(yesOrNo(), (profile, decidedOn) -> profile.gender() == null ? null
            : yes(profile.gender() == Gender.FEMALE)),
    ETHNIC_MINORITY(yesOrNo(), (profile, decidedOn) -> profile.ethnicity() == null ? null
            : yes(!PersonProfile.MAJORITY_ETHNICITY.equals(profile.ethnicity()))),
    RELIGION(valuesOf(Religion.values()), (profile, decidedOn) -> name(profile.religion())),
    OCCUPATION(List.of(), (profile, decidedOn) -> profile.occupation() == null || profile.occupation().isBlank()
            ? null : profile.occupation().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)),
    GENERAL_EDUCATION(valuesOf(EducationLevel.values()), (profile, decidedOn) -> name(profile.generalEducation())),
    PROFESSIONAL_EDUCATION(valuesOf(ProfessionalEducation.values()),
            (profile, decidedOn) -> name(profile.professionalEducation()));

    public static final String YES = "YES";
    public static final String NO = "NO";
    public static final String UNKNOWN = "UNKNOWN";

    private final List<String> cells;
    private final BiFunction<PersonProfile, LocalDate, String> cellOf;

    BreakdownDimension(List<String> cells, BiFunction<PersonProfile, LocalDate, String> cellOf) {
        this.cells = cells;
        this.cellOf = cellOf;
    }

    /**
     * The cells always shown, whatever their counts, so that a cell's presence says nothing: none for the occupation,
     * whose values are free text.
     */
    public List<String> fixedCells() {
        return cells;
    }

    /** The cell a member admitted by a decision of {@code decidedOn} falls in: UNKNOWN without a profile or value. */
    public String cellOf(Optional<PersonProfile> profile, LocalDate decidedOn) {
        return profile.map(found -> cellOf.apply(found, decidedOn)).orElse(UNKNOWN);
    }

    private static String yes(boolean yes) {
        return yes ? YES : NO;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> yesOrNo() {
        return List.of(YES, NO, UNKNOWN);
    }

    private static List<String> valuesOf(Enum<?>[] values) {
        List<String> cells = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
        cells.add(UNKNOWN);
        return List.copyOf(cells);
    }
}
