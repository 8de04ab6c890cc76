package vn.partyledger.domain.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * A sensitive fact about a person that an event must carry (domain.md §15.2 rules 1–2): religion behind a candidate's
 * source, health behind an exemption or an early badge, a violation category, conviction data, a free-text reason.
 * The log holds it encrypted with the person's own data key, so the hash chain covers the ciphertext and erasing the
 * person (destroying the key) makes it unreadable without touching the log. An aggregate creates it with
 * {@link #of}; one read back from the log is {@link #sealed} and opened only when a rule reads it.
 * {@link #toString()} never shows the value, so it cannot reach a log line or an error message by accident.
 */
public final class Sensitive<T> {

    /** What a projection or an export shows in place of a value whose person was erased. */
    public static final String ERASED = "ERASED";

    /** Opens a value kept in the log: empty once the person's data key is destroyed. */
    @FunctionalInterface
    public interface Seal<T> {
        Optional<T> open();
    }

    private final String personId;
    private final T value;
    private final Seal<T> seal;

    private Sensitive(String personId, T value, Seal<T> seal) {
        this.personId = personId;
        this.value = value;
        this.seal = seal;
    }

    /** A fact about {@code personId} decided now, to be sealed with that person's key when the event is stored. */
    public static <T> Sensitive<T> of(String personId, T value) {
        return new Sensitive<>(Objects.requireNonNull(personId, "personId"), Objects.requireNonNull(value, "value"),
                null);
    }

    /** As {@link #of}, or null when there is no fact to keep (an optional reason left out). */
    public static <T> Sensitive<T> ofNullable(String personId, T value) {
        return value == null ? null : of(personId, value);
    }

    /** A fact read back from the log, still sealed with the person's key. */
    public static <T> Sensitive<T> sealed(String personId, Seal<T> seal) {
        return new Sensitive<>(Objects.requireNonNull(personId, "personId"), null,
                Objects.requireNonNull(seal, "seal"));
    }

    /** A fact an event recorded in plain before sealing existed (read through an upcaster; ADR 0023). */
    public static <T> Sensitive<T> recordedBeforeSealing(T value) {
        return new Sensitive<>(null, Objects.requireNonNull(value, "value"), null);
    }

    /** The person whose key seals the fact; null only for a fact recorded before sealing. */
    public String personId() {
        return personId;
    }

    /** How the fact is opened when it came from the log; empty for one decided now or recorded before sealing. */
    public Optional<Seal<T>> seal() {
        return Optional.ofNullable(seal);
    }

    /** Whether the person was erased, so the fact can no longer be read. */
    public boolean isErased() {
        return opened().isEmpty();
    }

    /** The fact; a rule that needs the fact of an erased person is refused (ERASURE). */
    public T value() {
        return opened().orElseThrow(this::anErasedPersonsFactIsNeverRead);
    }

    /** The fact as a projection or export shows it: its text, or {@link #ERASED}. */
    public String shown() {
        return opened().map(String::valueOf).orElse(ERASED);
    }

    private Optional<T> opened() {
        return seal == null ? Optional.of(value) : seal.open();
    }

    private RuleViolation anErasedPersonsFactIsNeverRead() {
        return new RuleViolation(Invariant.ERASURE, "anErasedPersonsFactIsNeverRead",
                "Person " + personId + " was erased: the sensitive facts the log keeps about them can no longer be "
                        + "read, so no decision can rest on them.");
    }

    /** Equal when about the same person with the same fact (or both erased): opening a sealed one if need be. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Sensitive<?> that && Objects.equals(personId, that.personId)
                && opened().equals(that.opened());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(personId);
    }

    @Override
    public String toString() {
        return "Sensitive[personId=" + personId + "]";
    }
}
