package vn.partyledger.infra.export;

import vn.partyledger.domain.shared.Actor;
import vn.partyledger.infra.checkpoint.Checkpoint;

import java.time.Instant;
import java.util.Map;

/**
 * What an export is of, when and by whom it was made, and the checkpoint every event in it is proved against
 * ({@code publicKey}: the key its signature verifies with, null when checkpoints are not signed); {@code names} the
 * names by person id, when asked for by a caller entitled to them, else null.
 */
public record ExportHeader(HistoryScope scope, Instant exportedAt, Actor exportedBy, Checkpoint checkpoint,
                           String publicKey, Map<String, String> names) {
}
