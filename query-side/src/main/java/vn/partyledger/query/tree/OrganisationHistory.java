package vn.partyledger.query.tree;

import org.bson.Document;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One organisation's document read back: what its name and parent were on a date (the period that began last on or
 * before it), whether it existed that day, and its links.
 */
final class OrganisationHistory {

    static final String KIND = "kind";
    static final String ESTABLISHED_ON = "establishedOn";
    static final String DISSOLVED_ON = "dissolvedOn";
    static final String NAMES = "names";
    static final String PARENTS = "parents";
    static final String PREDECESSORS = "predecessors";
    static final String SUCCESSORS = "successors";
    static final String FROM = "from";
    static final String VALUE = "value";
    static final String ORG_ID = "orgId";
    static final String ON = "on";

    private final Document document;

    OrganisationHistory(Document document) {
        this.document = document;
    }

    /** A period of a name or parent, from a date on. */
    static Document period(LocalDate from, String value) {
        return new Document(FROM, from.toString()).append(VALUE, value);
    }

    /** A link to another organisation by a restructuring effective on a date. */
    static Document link(String orgId, LocalDate on) {
        return new Document(ORG_ID, orgId).append(ON, on.toString());
    }

    String orgId() {
        return document.getString("_id");
    }

    /** Whether the organisation's founding is recorded (a merge may name it before its own events are projected). */
    boolean founded() {
        return document.getString(ESTABLISHED_ON) != null;
    }

    boolean establishedBy(LocalDate date) {
        return founded() && !LocalDate.parse(document.getString(ESTABLISHED_ON)).isAfter(date);
    }

    /** Founded by the date and not yet dissolved: the day of dissolution is its successor's. */
    boolean activeOn(LocalDate date) {
        String dissolved = document.getString(DISSOLVED_ON);
        return establishedBy(date) && (dissolved == null || date.isBefore(LocalDate.parse(dissolved)));
    }

    String parentOn(LocalDate date) {
        return valueOn(PARENTS, date);
    }

    OrganisationTree on(LocalDate date, List<OrganisationTree> children) {
        String dissolved = document.getString(DISSOLVED_ON);
        return new OrganisationTree(orgId(), valueOn(NAMES, date), OrganisationKind.valueOf(document.getString(KIND)),
                parentOn(date), LocalDate.parse(document.getString(ESTABLISHED_ON)),
                dissolved == null ? null : LocalDate.parse(dissolved), links(PREDECESSORS), links(SUCCESSORS),
                children);
    }

    private String valueOn(String field, LocalDate date) {
        return document.getList(field, Document.class, List.of()).stream()
                .filter(period -> !LocalDate.parse(period.getString(FROM)).isAfter(date))
                .max(Comparator.comparing(period -> period.getString(FROM)))
                .map(period -> period.getString(VALUE))
                .orElse(null);
    }

    private List<OrganisationTree.Link> links(String field) {
        return document.getList(field, Document.class, List.of()).stream()
                .map(link -> new OrganisationTree.Link(link.getString(ORG_ID), LocalDate.parse(link.getString(ON))))
                .sorted(Comparator.comparing(OrganisationTree.Link::on).thenComparing(OrganisationTree.Link::orgId))
                .toList();
    }
}
