package vn.partyledger.infra.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.recruitment.RecruitmentChanged;
import vn.partyledger.domain.recruitment.RecruitmentDashboard;
import vn.partyledger.query.recruitment.RecruitmentProjection;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Recruitment", description = "Admission targets against admissions, and the recruitment funnel")
public class RecruitmentQueries {

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;
    private final LiveReads liveReads;

    public RecruitmentQueries(QueryGateway queryGateway, ProjectionProgress progress, LiveReads liveReads) {
        this.queryGateway = queryGateway;
        this.progress = progress;
        this.liveReads = liveReads;
    }

    @GetMapping("/{orgId}/recruitment")
    @Operation(summary = "The organisation's recruitment in a year, over the branches under it and for each "
            + "organisation directly under it: the target set (absolute, or a percentage of the members on the rolls "
            + "on 1 January), admissions by decision date (or by ceremony date with byCeremony=true), the share "
            + "achieved, the funnel from candidate to recognised member, and the new members broken down (aged "
            + "18–30 on the decision's date, Youth Union, women, ethnic minority, religion, occupation, general and "
            + "professional education) with cells under partyledger.rules.statistics.small-cell-suppression-k "
            + "(default 5) suppressed: a suppressed cell has no count and is not 0")
    public RecruitmentDashboard recruitment(@PathVariable @RecordId @Parameter(example = "ward-15") String orgId,
                                            @RequestParam @Min(1930) @Max(2100) @Parameter(example = "2025")
                                            int year,
                                            @RequestParam(defaultValue = "false") boolean byCeremony,
                                            @RequestParam(required = false) @Min(0) Long minPosition) {
        progress.awaitIfAsked(RecruitmentProjection.PROCESSING_GROUP, minPosition);
        return queryGateway.query(new FindRecruitmentDashboard(orgId, year, byCeremony),
                        ResponseTypes.optionalInstanceOf(RecruitmentDashboard.class)).join()
                .orElseThrow(() -> new OrganisationNotInTree(orgId, LocalDate.of(year, 12, 31)));
    }

    @GetMapping(path = "/{orgId}/recruitment/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The recruitment dashboard of a year followed live as Server-Sent Events: a 'recruitment' "
            + "event with the whole dashboard at once and after every step, admission or target recorded in that "
            + "year, until the client goes away or partyledger.read.live-timeout passes")
    public SseEmitter liveRecruitment(@PathVariable @RecordId @Parameter(example = "ward-15") String orgId,
                                      @RequestParam @Min(1930) @Max(2100) @Parameter(example = "2025") int year,
                                      @RequestParam(defaultValue = "false") boolean byCeremony) {
        return liveReads.follow(new LiveRead.Followed<>(new FindRecruitmentDashboard(orgId, year, byCeremony),
                        RecruitmentDashboard.class, RecruitmentChanged.class, "recruitment",
                        RecruitmentProjection.PROCESSING_GROUP),
                () -> new OrganisationNotInTree(orgId, LocalDate.of(year, 12, 31)));
    }
}
