package vn.partyledger.domain.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics' narrow window on the person register: the fields counted by, as the register stood on a date. Only
 * counts may be made of what it answers (ADR 0039). Empty for a person not in the register, or erased.
 */
public interface PersonProfiles {

    /**
     * The person's fields on {@code date} as the log had recorded them by {@code knownAt}: a projection asks as of its
     * event's time, so a rebuild reads what the live projection read, whatever was corrected since.
     */
    Optional<PersonProfile> profileOn(String personId, LocalDate date, Instant knownAt);

    /** The person's fields on {@code date} with every correction recorded so far. */
    default Optional<PersonProfile> profileOn(String personId, LocalDate date) {
        return profileOn(personId, date, Instant.MAX);
    }

    /**
     * The fields of many persons on {@code date} with every correction recorded so far, as {@link #profileOn(String,
     * LocalDate)} answers each; a person it answers empty for is left out. A register may read them all at once.
     */
    default Map<String, PersonProfile> profilesOn(Collection<String> personIds, LocalDate date) {
        Map<String, PersonProfile> profiles = new HashMap<>();
        for (String personId : personIds) {
            profileOn(personId, date).ifPresent(profile -> profiles.put(personId, profile));
        }
        return profiles;
    }
}
