package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.infra.integration.inbound.DeadLetter;
import vn.partyledger.infra.integration.inbound.DeadLetters;
import vn.partyledger.infra.integration.inbound.InboundProcessor;
import vn.partyledger.infra.integration.inbound.ReadDeadLetters;
import vn.partyledger.infra.integration.inbound.RetryDeadLetter;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Operating the inbound integration (ADR 0045): the dead letters, listed and retried after a fix. Not a command of
 * its own: a retry sends the message's command through the inbound boundary, as the consumer would, and the
 * permission table alone lets the administrator in.
 */
@RestController
@RequestMapping("/api/v1/admin/integration/dead-letters")
@Tag(name = "Integration", description = "The Kafka integration with provincial systems (docs/integration)")
public class InboundAdministration {

    private final DeadLetters deadLetters;
    private final InboundProcessor processor;
    private final PermissionCheck permission;
    private final Clock clock;

    public InboundAdministration(DeadLetters deadLetters, InboundProcessor processor, PermissionCheck permission,
                                 Clock clock) {
        this.deadLetters = deadLetters;
        this.processor = processor;
        this.permission = permission;
        this.clock = clock;
    }

    /** What a retry did: the message was applied, or had been already. */
    public record Retried(@Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") String ceId,
                          @Schema(description = "APPLIED, or DUPLICATE when its ce_id had been applied already",
                                  example = "APPLIED") InboundProcessor.Outcome outcome) {
    }

    @GetMapping
    @Operation(summary = "The inbound messages this province could not apply, oldest first, each with the reason "
            + "(kind, message, the rule that refused it) and whether its ce_id has been applied since")
    public List<DeadLetters.DeadLetterEntry> list() {
        permission.check(new ReadDeadLetters(), null, LocalDate.now(clock));
        return deadLetters.list();
    }

    @PostMapping("/{ceId}/retry")
    @Operation(summary = "Apply again, after a fix, the latest dead letter of a ce_id: applied once at most; a "
            + "message still refused answers 422 with the reason, and stays a dead letter")
    public Retried retry(@Parameter(example = "0f8fad5b-d9cb-469f-a165-70867728950e") @PathVariable String ceId)
            throws DeadLetter {
        permission.check(new RetryDeadLetter(ceId), null, LocalDate.now(clock));
        return new Retried(ceId, processor.process(deadLetters.latest(ceId)
                .orElseThrow(() -> new DeadLetterNotFound(ceId))));
    }
}
