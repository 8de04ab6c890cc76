package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentDashboard;
import vn.partyledger.query.recruitment.RecruitmentProjection;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Recruitment", description = "Admission targets against admissions, and the recruitment funnel")
public class RecruitmentQueries {

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    public RecruitmentQueries(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping("/{orgId}/recruitment")
    @Operation(summary = "The organisation's recruitment in a year, over the branches under it and for each "
            + "organisation directly under it: the target set (absolute, or a percentage of the members on the rolls "
            + "on 1 January), admissions by decision date (or by ceremony date with byCeremony=true), the share "
            + "achieved, and the funnel from candidate to recognised member")
    public RecruitmentDashboard recruitment(@PathVariable @RecordId String orgId,
                                            @RequestParam @Min(1930) @Max(2100) int year,
                                            @RequestParam(defaultValue = "false") boolean byCeremony,
                                            @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(RecruitmentProjection.PROCESSING_GROUP, minPosition);
        return queryGateway.query(new FindRecruitmentDashboard(orgId, year, byCeremony),
                        ResponseTypes.optionalInstanceOf(RecruitmentDashboard.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, LocalDate.of(year, 12, 31)));
    }
}
