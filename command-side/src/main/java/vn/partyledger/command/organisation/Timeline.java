package vn.partyledger.command.organisation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A value that changes by decisions with effective dates (an organisation's name, parent, flags). Decisions are keyed
 * in late and out of order, so the value on a date is the one of the latest change effective on or before it.
 */
public final class Timeline<T> {

    private static final Timeline<?> EMPTY = new Timeline<>(new TreeMap<>());

    private final NavigableMap<LocalDate, T> changes;

    private Timeline(NavigableMap<LocalDate, T> changes) {
        this.changes = Collections.unmodifiableNavigableMap(changes);
    }

    @SuppressWarnings("unchecked")
    public static <T> Timeline<T> empty() {
        return (Timeline<T>) EMPTY;
    }

    /** The timeline of the given changes, each value in force from its date. */
    public static <T> Timeline<T> of(NavigableMap<LocalDate, T> changes) {
        return new Timeline<>(new TreeMap<>(changes));
    }

    /** This timeline with {@code value} in force from {@code from}. */
    public Timeline<T> with(LocalDate from, T value) {
        NavigableMap<LocalDate, T> next = new TreeMap<>(changes);
        next.put(from, value);
        return new Timeline<>(next);
    }

    /** The dates on which the value changed, earliest first. */
    public NavigableSet<LocalDate> changeDates() {
        return Collections.unmodifiableNavigableSet(changes.navigableKeySet());
    }

    public Optional<T> on(LocalDate date) {
        return Optional.ofNullable(changes.floorEntry(date)).map(Map.Entry::getValue);
    }

    /** Two timelines are equal when they change to the same values on the same dates. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Timeline<?> timeline && changes.equals(timeline.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }
}
