package vn.partyledger.infra.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * How far a projection's latest rebuild since the service started has come. Events are counted as read from the log;
 * the total is the log's estimate of the events it holds now (it grows while the rebuild runs), and once switched over
 * the events read through its head. The rate is over the whole rebuild so far.
 */
public record RebuildProgress(
        @Schema(example = "branch-roster") String projection,
        @Schema(description = "NONE before any rebuild since the service started; REPLAYING while the fresh "
                + "generation is filled and the active one answers; SWITCHING while the serving processor is paused "
                + "for the fresh generation to reach it; SWITCHED once the fresh generation answers; FAILED when the "
                + "rebuild stopped and the active generation answers as before", example = "REPLAYING")
        State state,
        @Schema(description = "the generation answering queries", example = "1") int activeGeneration,
        @Schema(description = "the generation this rebuild fills; none before any rebuild", example = "2")
        Integer rebuiltGeneration,
        @Schema(example = "41250") long eventsDone,
        @Schema(example = "100000") long eventsTotal,
        @Schema(example = "3125.4") double eventsPerSecond,
        @Schema(description = "seconds left at the rate so far; none when not replaying", example = "19")
        Long etaSeconds,
        @Schema(example = "2026-11-30T03:10:00Z") Instant startedAt,
        @Schema(description = "when it switched over or failed") Instant endedAt,
        @Schema(description = "why it failed") String failure) {

    public enum State { NONE, REPLAYING, SWITCHING, SWITCHED, FAILED }

    static RebuildProgress none(String projection, int activeGeneration) {
        return new RebuildProgress(projection, State.NONE, activeGeneration, null, 0, 0, 0, null, null, null, null);
    }
}
