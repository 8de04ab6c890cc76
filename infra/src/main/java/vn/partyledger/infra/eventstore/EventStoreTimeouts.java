package vn.partyledger.infra.eventstore;

import java.time.Duration;

/**
 * The two time limits of the log, validated together because they only work together.
 * <ul>
 *     <li>{@code appendTimeLimit}: a writer that has held its commit position this long without storing the commit
 *     gives the position up (seals it itself) and fails; the command is retried or refused, never acknowledged.</li>
 *     <li>{@code sealAfter}: a reader that has seen an allocated position stay empty this long seals it with a
 *     tombstone and reads on. A writer that comes later finds its position taken and fails cleanly.</li>
 * </ul>
 * {@code sealAfter} must be at least twice {@code appendTimeLimit}, so that a healthy writer has given up on its own
 * long before any reader seals it, and a reader never waits on a position whose writer is still within its limit.
 */
public record EventStoreTimeouts(Duration appendTimeLimit, Duration sealAfter) {

    public static final EventStoreTimeouts DEFAULTS =
            new EventStoreTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public EventStoreTimeouts {
        if (appendTimeLimit == null || sealAfter == null || appendTimeLimit.isNegative() || appendTimeLimit.isZero()) {
            throw new IllegalArgumentException("appendTimeLimit and sealAfter must be positive durations");
        }
        if (sealAfter.compareTo(appendTimeLimit.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("sealAfter (" + sealAfter + ") must be at least twice appendTimeLimit ("
                                                       + appendTimeLimit + "): a reader could otherwise seal the "
                                                       + "position of a writer that is still within its time limit");
        }
    }
}
