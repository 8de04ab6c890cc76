package vn.partyledger.infra.checkpoint;

/** Asks for the proof that the checkpoint of {@code second} events extends that of {@code first} unchanged. */
public record ProveConsistency(long first, long second) {
}
