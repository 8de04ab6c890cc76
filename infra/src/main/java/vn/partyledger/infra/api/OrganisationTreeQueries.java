package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;
import vn.partyledger.query.tree.OrganisationTreeProjection;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisation tree", description = "The organisations under one, as the tree stood on any date")
public class OrganisationTreeQueries {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final ProjectionProgress progress;

    public OrganisationTreeQueries(QueryGateway queryGateway, Clock clock, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.progress = progress;
    }

    @GetMapping("/{orgId}/tree")
    @Operation(summary = "The organisation and those under it as of a business date (default: today in "
            + "Asia/Ho_Chi_Minh), each with its name and parent that day, and its predecessors and successors across "
            + "merges, splits and dissolutions; with minPosition it answers once the tree shows that command")
    public OrganisationTree tree(@PathVariable @RecordId String orgId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate asOf,
                                 @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(OrganisationTreeProjection.PROCESSING_GROUP, minPosition);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return queryGateway.query(new FindOrganisationTree(orgId, date),
                        ResponseTypes.optionalInstanceOf(OrganisationTree.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
    }
}
