package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.due.DueList;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.query.due.DueListProjection;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Due lists", description = "What falls due for the members of an organisation's branches")
public class DueListQueries {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final ProjectionProgress progress;

    public DueListQueries(QueryGateway queryGateway, Clock clock, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.progress = progress;
    }

    @GetMapping("/{orgId}/due")
    @Operation(summary = "What is open for the members of the organisation's branches at the end of a business date "
            + "(default: today in Asia/Ho_Chi_Minh) and falls due within the days given (default 30): admission "
            + "decisions, ceremonies, probations ending, recognition reviews, transfer letters and temporary "
            + "exemptions ending, earliest first, overdue ones flagged")
    public DueList due(@PathVariable @RecordId String orgId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       @RequestParam(defaultValue = "30") @Min(0) @Max(366) int within,
                       @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(DueListProjection.PROCESSING_GROUP, minPosition);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return queryGateway.query(new FindDueList(orgId, date, within), ResponseTypes.optionalInstanceOf(DueList.class))
                .join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, date));
    }
}
