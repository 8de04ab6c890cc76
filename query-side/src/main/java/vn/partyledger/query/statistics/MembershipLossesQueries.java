package vn.partyledger.query.statistics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import vn.partyledger.domain.discipline.StrikeOffGround;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.statistics.FindMembershipLosses;
import vn.partyledger.domain.statistics.LossKind;
import vn.partyledger.domain.statistics.MembershipLosses;
import vn.partyledger.domain.statistics.TransferDestination;
import vn.partyledger.domain.tree.FindOrganisationTree;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The losses of a year under an organisation (ADR 0039), from {@code statistics_losses}: the branches under it are the
 * tree's at the end of the year (ADR 0032), as for the recruitment dashboard; a transfer's destination is placed in its
 * province by the tree of the transfer's day.
 */
public class MembershipLossesQueries {

    private final MongoCollection<Document> losses;
    private final Function<FindOrganisationTree, Optional<OrganisationTree>> tree;

    public MembershipLossesQueries(MongoDatabase database,
                                   Function<FindOrganisationTree, Optional<OrganisationTree>> tree) {
        this.losses = database.getCollection(MembershipStatisticsProjection.LOSSES);
        this.tree = tree;
    }

    /** Empty when the organisation was not founded by the end of the year. */
    @QueryHandler
    public Optional<MembershipLosses> handle(FindMembershipLosses query) {
        Map<String, String> provinces = new HashMap<>();
        return tree.apply(new FindOrganisationTree(query.orgId(), LocalDate.of(query.year(), 12, 31)))
                .map(root -> new MembershipLosses(query.year(), figures(root, query.year(), provinces),
                        root.children().stream().map(child -> figures(child, query.year(), provinces)).toList()));
    }

    private MembershipLosses.Figures figures(OrganisationTree organisation, int year, Map<String, String> provinces) {
        Set<String> under = new HashSet<>();
        collect(organisation, under);
        Map<LossKind, Integer> byKind = zeros(LossKind.class);
        Map<StrikeOffGround, Integer> byGround = zeros(StrikeOffGround.class);
        Map<TransferDestination, Integer> byDestination = zeros(TransferDestination.class);
        losses.find(Filters.and(Filters.in(MembershipStatisticsProjection.BRANCH, under),
                Filters.gte(MembershipStatisticsProjection.ON, LocalDate.of(year, 1, 1).toString()),
                Filters.lte(MembershipStatisticsProjection.ON, LocalDate.of(year, 12, 31).toString()))).forEach(loss -> {
            LossKind kind = LossKind.valueOf(loss.getString(MembershipStatisticsProjection.KIND));
            Document detail = loss.get("detail", Document.class);
            if (kind == LossKind.TRANSFER_OUT) {
                String destination = detail.getString(MembershipStatisticsProjection.DESTINATION);
                if (under.contains(destination)) {
                    return;
                }
                LocalDate on = LocalDate.parse(loss.getString(MembershipStatisticsProjection.ON));
                String from = provinceOf(loss.getString(MembershipStatisticsProjection.BRANCH), on, provinces);
                byDestination.merge(from != null && from.equals(provinceOf(destination, on, provinces))
                        ? TransferDestination.SAME_PROVINCE : TransferDestination.OTHER_PROVINCE, 1, Integer::sum);
            }
            if (kind == LossKind.STRIKE_OFF || kind == LossKind.VOLUNTARY_EXIT) {
                byGround.merge(StrikeOffGround.valueOf(detail.getString(MembershipStatisticsProjection.GROUND)), 1,
                        Integer::sum);
            }
            byKind.merge(kind, 1, Integer::sum);
        });
        return new MembershipLosses.Figures(organisation.orgId(), organisation.name(), byKind, byGround,
                byDestination);
    }

    /**
     * The province the organisation was in on the date, walking up the tree of that day; the root for a tree without
     * provinces, null for an organisation the tree does not know that day.
     */
    private String provinceOf(String orgId, LocalDate on, Map<String, String> provinces) {
        String key = orgId + "@" + on;
        if (!provinces.containsKey(key)) {
            String found = null;
            Optional<OrganisationTree> node = tree.apply(new FindOrganisationTree(orgId, on));
            while (node.isPresent()) {
                found = node.get().orgId();
                if (node.get().kind() == OrganisationKind.PROVINCIAL || node.get().parentOrgId() == null) {
                    break;
                }
                node = tree.apply(new FindOrganisationTree(node.get().parentOrgId(), on));
            }
            provinces.put(key, found);
        }
        return provinces.get(key);
    }

    private static void collect(OrganisationTree organisation, Set<String> into) {
        into.add(organisation.orgId());
        organisation.children().forEach(child -> collect(child, into));
    }

    private static <K extends Enum<K>> Map<K, Integer> zeros(Class<K> keys) {
        Map<K, Integer> zeros = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            zeros.put(key, 0);
        }
        return zeros;
    }
}
