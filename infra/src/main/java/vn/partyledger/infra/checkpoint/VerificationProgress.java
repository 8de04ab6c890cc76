package vn.partyledger.infra.checkpoint;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * How far a background verification of the whole log has come. Positions are read in order up to the last one
 * allocated when it started; events are counted as checked, of about as many as the log held then (the database's
 * estimate). The rate is over the verification so far; the report is there once it is done.
 */
public record VerificationProgress(
        @Schema(example = "3f2a6c1e-0d7b-4a57-9a38-2f1f0c1d9e11") String id,
        @Schema(description = "RUNNING, then DONE with its report, or FAILED with why", example = "RUNNING")
        State state,
        @Schema(example = "41250") long positionsRead,
        @Schema(example = "100000") long positionsTotal,
        @Schema(example = "412500") long eventsChecked,
        @Schema(description = "the events the log held when it started, as the database estimates them",
                example = "1000000") long eventsTotal,
        @Schema(example = "3125.4") double eventsPerSecond,
        @Schema(example = "2026-11-30T03:10:00Z") Instant startedAt,
        @Schema(description = "when it ended") Instant endedAt,
        @Schema(description = "what the verification found, once done") AuditReport report,
        @Schema(description = "why it failed") String failure) {

    public enum State { RUNNING, DONE, FAILED }
}
