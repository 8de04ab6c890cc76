package vn.partyledger.query.tree;

import org.bson.Document;
import vn.partyledger.domain.organisation.OrganisationKind;
import vn.partyledger.domain.tree.OrganisationTree;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One organisation's document read back: what its name and parent were on a date (the period that began last on or
 * before it), whether it existed that day, and its links. The document is read once, when it is read from the store:
 * the tree keeps what it read between its changes (ADR 0069) and asks each organisation of the province for every
 * read of any part of it.
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

    /** A name or parent from a date on. */
    private record Period(LocalDate from, String value) {
    }

    private final String orgId;
    /** Null for an organisation whose founding is not recorded (a merge may name it before its own events). */
    private final OrganisationKind kind;
    private final LocalDate establishedOn;
    private final LocalDate dissolvedOn;
    private final List<Period> names;
    private final List<Period> parents;
    private final List<OrganisationTree.Link> predecessors;
    private final List<OrganisationTree.Link> successors;

    OrganisationHistory(Document document) {
        this.orgId = document.getString("_id");
        this.kind = document.getString(KIND) == null ? null : OrganisationKind.valueOf(document.getString(KIND));
        this.establishedOn = date(document.getString(ESTABLISHED_ON));
        this.dissolvedOn = date(document.getString(DISSOLVED_ON));
        this.names = periods(document, NAMES);
        this.parents = periods(document, PARENTS);
        this.predecessors = links(document, PREDECESSORS);
        this.successors = links(document, SUCCESSORS);
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
        return orgId;
    }

    /** Whether the organisation's founding is recorded (a merge may name it before its own events are projected). */
    boolean founded() {
        return establishedOn != null;
    }

    boolean establishedBy(LocalDate date) {
        return founded() && !establishedOn.isAfter(date);
    }

    /** Founded by the date and not yet dissolved: the day of dissolution is its successor's. */
    boolean activeOn(LocalDate date) {
        return establishedBy(date) && (dissolvedOn == null || date.isBefore(dissolvedOn));
    }

    String parentOn(LocalDate date) {
        return valueOn(parents, date);
    }

    OrganisationTree on(LocalDate date, List<OrganisationTree> children) {
        return new OrganisationTree(orgId, valueOn(names, date), kind, parentOn(date), establishedOn, dissolvedOn,
                predecessors, successors, children);
    }

    /** The value of the period that began last on or before the date; of two begun the same day, the first recorded. */
    private static String valueOn(List<Period> periods, LocalDate date) {
        Period latest = null;
        for (Period period : periods) {
            if (!period.from().isAfter(date) && (latest == null || period.from().isAfter(latest.from()))) {
                latest = period;
            }
        }
        return latest == null ? null : latest.value();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static List<Period> periods(Document document, String field) {
        return document.getList(field, Document.class, List.of()).stream()
                .map(period -> new Period(LocalDate.parse(period.getString(FROM)), period.getString(VALUE)))
                .toList();
    }

    private static List<OrganisationTree.Link> links(Document document, String field) {
        return document.getList(field, Document.class, List.of()).stream()
                .map(link -> new OrganisationTree.Link(link.getString(ORG_ID), LocalDate.parse(link.getString(ON))))
                .sorted(Comparator.comparing(OrganisationTree.Link::on).thenComparing(OrganisationTree.Link::orgId))
                .toList();
    }
}
