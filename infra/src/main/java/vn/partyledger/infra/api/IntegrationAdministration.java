package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.infra.integration.IntegrationRepublisher;
import vn.partyledger.infra.integration.RepublishIntegrationEvents;
import vn.partyledger.infra.integration.Republished;
import vn.partyledger.infra.security.PermissionCheck;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Operating the outbound integration (ADR 0044): not a command, so it records nothing in the log; the permission
 * table alone lets the administrator in.
 */
@RestController
@RequestMapping("/api/v1/admin/integration")
@Tag(name = "Integration", description = "The Kafka integration with provincial systems (docs/integration)")
public class IntegrationAdministration {

    private final IntegrationRepublisher republisher;
    private final PermissionCheck permission;
    private final Clock clock;

    public IntegrationAdministration(IntegrationRepublisher republisher, PermissionCheck permission, Clock clock) {
        this.republisher = republisher;
        this.permission = permission;
        this.clock = clock;
    }

    /** The log position to republish from: 0 is the start of the log. */
    public record Republish(@NotNull @Min(0) @Schema(example = "0") Long fromPosition) {
    }

    @PostMapping("/republish")
    @Operation(summary = "Publish again, as first published (same ce_id), the integration messages of every event "
            + "from a log position to the end of the log, for a provincial system that lost data")
    public Republished republish(@Valid @RequestBody Republish body) throws Exception {
        RepublishIntegrationEvents request = new RepublishIntegrationEvents(body.fromPosition());
        permission.check(request, null, LocalDate.now(clock));
        return republisher.republish(request);
    }
}
