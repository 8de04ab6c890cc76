package vn.partyledger.query.recruitment;

import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the recruitment projection keeps of one member in {@code recruitment_members}, which the file's events do not
 * carry: the branch and person, the day of the admission ceremony, and where each of the member's admissions was
 * counted in the breakdowns, so that a corrected decision date takes it back from there. Written whole by the
 * member's own events only, which one segment handles in order (ADR 0038).
 */
final class RecruitedMember {

    private static final String BRANCH = "branchId";
    private static final String PERSON = "personId";
    private static final String CEREMONY = "ceremonyOn";
    private static final String COUNTED = "counted";
    private static final String BASIS = "basis";
    private static final String ADMISSION = "admission";
    private static final String DOCUMENT = "documentId";
    private static final String CELLS = "cells";

    private final Document document;

    RecruitedMember(Document document) {
        this.document = document;
    }

    static RecruitedMember empty(String memberId) {
        return new RecruitedMember(new Document("_id", memberId));
    }

    Document document() {
        return document;
    }

    String memberId() {
        return document.getString("_id");
    }

    String branchId() {
        return document.getString(BRANCH);
    }

    String personId() {
        return document.getString(PERSON);
    }

    void placeIn(String branchId) {
        document.put(BRANCH, branchId);
    }

    void personIs(String personId) {
        document.put(PERSON, personId);
    }

    void heldCeremony(LocalDate on) {
        document.put(CEREMONY, on.toString());
    }

    Optional<LocalDate> ceremonyHeld() {
        return Optional.ofNullable(document.getString(CEREMONY)).map(LocalDate::parse);
    }

    Optional<AdmissionBreakdowns.Counted> countedAt(AdmissionBreakdowns.Basis basis, String admission) {
        return counted().stream().filter(entry -> matches(entry, basis, admission)).findFirst()
                .map(entry -> new AdmissionBreakdowns.Counted(entry.getString(DOCUMENT),
                        entry.getList(CELLS, String.class)));
    }

    /** Where the admission was counted, in place of what was kept of it before. */
    void counted(AdmissionBreakdowns.Basis basis, String admission, AdmissionBreakdowns.Counted counted) {
        uncounted(basis, admission);
        counted().add(new Document(BASIS, basis.name()).append(ADMISSION, admission)
                .append(DOCUMENT, counted.documentId()).append(CELLS, counted.cells()));
    }

    void uncounted(AdmissionBreakdowns.Basis basis, String admission) {
        counted().removeIf(entry -> matches(entry, basis, admission));
    }

    private static boolean matches(Document entry, AdmissionBreakdowns.Basis basis, String admission) {
        return entry.getString(BASIS).equals(basis.name()) && entry.getString(ADMISSION).equals(admission);
    }

    private List<Document> counted() {
        List<Document> counted = document.getList(COUNTED, Document.class);
        if (counted == null) {
            counted = new ArrayList<>();
            document.put(COUNTED, counted);
        }
        return counted;
    }
}
