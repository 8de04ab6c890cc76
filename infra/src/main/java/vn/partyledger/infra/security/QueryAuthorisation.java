package vn.partyledger.infra.security;

import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import vn.partyledger.domain.badge.FindBadgeEligibility;
import vn.partyledger.domain.badge.FindPartyAgeStatistics;
import vn.partyledger.domain.roster.FindBranchRoster;
import vn.partyledger.domain.roster.FindOrganisationRoster;
import vn.partyledger.domain.roster.FindRosterTotals;
import vn.partyledger.domain.due.FindDueList;
import vn.partyledger.domain.recruitment.FindRecruitmentDashboard;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.FindMembershipStatistics;
import vn.partyledger.domain.shared.Today;
import vn.partyledger.domain.timeline.MemberRecordQuery;
import vn.partyledger.domain.tree.FindOrganisationTree;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Checks every query as it is dispatched, on the caller's thread where the authenticated caller is known, in a unit of
 * work of its own for the tree look-ups. A query is checked as of the date it asks about.
 */
public class QueryAuthorisation implements MessageDispatchInterceptor<QueryMessage<?, ?>> {

    private final Authorisation authorisation;
    private final CurrentActor currentActor;
    private final Today today;

    public QueryAuthorisation(Authorisation authorisation, CurrentActor currentActor, Today today) {
        this.authorisation = authorisation;
        this.currentActor = currentActor;
        this.today = today;
    }

    @Override
    public BiFunction<Integer, QueryMessage<?, ?>, QueryMessage<?, ?>> handle(
            List<? extends QueryMessage<?, ?>> messages) {
        return (index, query) -> {
            DefaultUnitOfWork.startAndGet(query).execute(() ->
                    authorisation.check(currentActor.get(), query.getPayload(), null, dateAskedAbout(query)));
            return query;
        };
    }

    private LocalDate dateAskedAbout(QueryMessage<?, ?> query) {
        if (query.getPayload() instanceof FindBranchRoster roster) {
            return roster.asOf();
        }
        if (query.getPayload() instanceof FindOrganisationRoster roster) {
            return roster.asOf();
        }
        if (query.getPayload() instanceof FindOrganisationTree tree) {
            return tree.asOf();
        }
        if (query.getPayload() instanceof FindRosterTotals totals) {
            return totals.asOf();
        }
        if (query.getPayload() instanceof FindDueList due) {
            return due.asOf();
        }
        if (query.getPayload() instanceof FindPartyAgeStatistics partyAge) {
            return partyAge.asOf();
        }
        // Badge candidates are found on the rolls of their date, whatever the occasion.
        if (query.getPayload() instanceof FindBadgeEligibility eligibility) {
            return eligibility.asOf();
        }
        // A year's figures are read in the tree as it stood at the end of that year.
        if (query.getPayload() instanceof FindRecruitmentDashboard recruitment) {
            return LocalDate.of(recruitment.year(), 12, 31);
        }
        if (query.getPayload() instanceof FindMembershipLosses losses) {
            return LocalDate.of(losses.year(), 12, 31);
        }
        if (query.getPayload() instanceof FindMembershipStatistics membership) {
            return membership.asOf();
        }
        // A member's whole record is read by whoever the member belongs to now, in the tree as it stands today.
        if (query.getPayload() instanceof MemberRecordQuery) {
            return today.date();
        }
        throw new IllegalStateException("no date to check the scope of " + query.getPayloadType().getSimpleName()
                + " on: name the date it asks about here");
    }
}
