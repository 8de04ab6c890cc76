package vn.partyledger.infra.checkpoint;

import java.util.List;

/** That {@code second}'s tree extends {@code first}'s unchanged (docs/log-proofs.md §4.3). */
public record ConsistencyProof(Checkpoint first, Checkpoint second, List<String> proof) {
}
