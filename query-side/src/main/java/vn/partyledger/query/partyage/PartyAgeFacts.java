package vn.partyledger.query.partyage;

import org.bson.Document;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.member.PartyAgeRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One member's party-age facts, stored as its own document ({@code _id} = member id): the first admission decision and
 * the gaps as {@link PartyAgeRecord} folds them, the badges awarded (with the day each is held from and the day it was
 * handed back), the disciplines imposed, the status and, after death, the status the member died in. {@code memberSeq}
 * is the last applied sequence number of the member's events, which makes every change idempotent. Dates are ISO
 * strings so people can read them.
 */
final class PartyAgeFacts {

    /** A discipline imposed or imported, from its effective date; an appeal that undid it took it off the list. */
    record Discipline(DisciplineForm form, LocalDate effectiveDate) {
    }

    private final Document document;

    /** The facts as stored. */
    PartyAgeFacts(Document stored) {
        this.document = stored;
    }

    static PartyAgeFacts empty(String memberId) {
        return new PartyAgeFacts(new Document("_id", memberId).append("memberSeq", -1L)
                .append("gaps", new ArrayList<Document>()).append("lostContactGap", -1)
                .append("badges", new ArrayList<Document>()).append("disciplines", new ArrayList<Document>()));
    }

    Document document() {
        return document;
    }

    String memberId() {
        return document.getString("_id");
    }

    /** Whether the member's event of this sequence number is new to the document; if so, it is marked applied. */
    boolean takes(long sequence) {
        if (document.getLong("memberSeq") >= sequence) {
            return false;
        }
        document.put("memberSeq", sequence);
        return true;
    }

    PartyAgeRecord record() {
        return new PartyAgeRecord(date(document.getString("firstAdmission")),
                document.getList("gaps", Document.class).stream()
                        .map(gap -> new PartyAge.Gap(date(gap.getString("from")), date(gap.getString("until"))))
                        .toList(),
                date(document.getString("lostContactSince")), document.getInteger("lostContactGap"));
    }

    /** Folds one more event into the party-age record. */
    void fold(UnaryOperator<PartyAgeRecord> change) {
        PartyAgeRecord record = change.apply(record());
        document.put("firstAdmission", iso(record.firstAdmissionDecision()));
        document.put("gaps", record.gaps().stream()
                .map(gap -> new Document("from", iso(gap.from())).append("until", iso(gap.until())))
                .toList());
        document.put("lostContactSince", iso(record.lostContactSince()));
        document.put("lostContactGap", record.lostContactGap());
    }

    Optional<PartyAge> partyAge() {
        return record().partyAge();
    }

    MemberStatus status() {
        String status = document.getString("status");
        return status == null ? null : MemberStatus.valueOf(status);
    }

    void status(MemberStatus status) {
        document.put("status", status.name());
    }

    /** The member died: the status is kept as the one died in. */
    void died(LocalDate on) {
        document.put("statusAtDeath", document.getString("status"));
        document.put("diedOn", iso(on));
        status(MemberStatus.DECEASED);
    }

    /** The death was annulled (I30): the member is back at the status died in. */
    void deathAnnulled() {
        document.put("status", document.getString("statusAtDeath"));
        document.put("statusAtDeath", null);
        document.put("diedOn", null);
    }

    void deathDateCorrected(LocalDate corrected) {
        document.put("diedOn", iso(corrected));
    }

    /** The day the member died a full member; empty for the living and for those who died in another status. */
    Optional<LocalDate> diedFullMemberOn() {
        return MemberStatus.FULL.name().equals(document.getString("statusAtDeath"))
                ? Optional.ofNullable(date(document.getString("diedOn")))
                : Optional.empty();
    }

    /** A badge held from {@code heldFrom}; {@code eventId} is the award's, which an annulment names. */
    void awarded(int level, LocalDate heldFrom, String eventId) {
        badges().add(new Document("level", level).append("heldFrom", iso(heldFrom)).append("eventId", eventId)
                .append("returnedOn", null));
    }

    void returned(int level, LocalDate on) {
        badges().stream().filter(badge -> badge.getInteger("level") == level && badge.getString("returnedOn") == null)
                .forEach(badge -> badge.put("returnedOn", iso(on)));
    }

    /** An award keyed by mistake never was (I30): the level is free to be awarded again. */
    void awardAnnulled(String eventId) {
        badges().removeIf(badge -> eventId.equals(badge.getString("eventId")));
    }

    /** Every level awarded by the end of {@code date}, handed back or not: each level is awarded once. */
    Set<Integer> awardedLevelsOn(LocalDate date) {
        Set<Integer> levels = new TreeSet<>();
        badges().stream().filter(badge -> !date(badge.getString("heldFrom")).isAfter(date))
                .forEach(badge -> levels.add(badge.getInteger("level")));
        return levels;
    }

    /** The levels whose badge the member holds at the end of {@code date}: awarded by then and not handed back. */
    Set<Integer> heldLevelsOn(LocalDate date) {
        Set<Integer> levels = new TreeSet<>();
        badges().stream().filter(badge -> !date(badge.getString("heldFrom")).isAfter(date))
                .filter(badge -> badge.getString("returnedOn") == null
                        || date.isBefore(date(badge.getString("returnedOn"))))
                .forEach(badge -> levels.add(badge.getInteger("level")));
        return levels;
    }

    void disciplined(DisciplineForm form, LocalDate effectiveDate) {
        disciplines().add(new Document("form", form.name()).append("effectiveDate", iso(effectiveDate)));
    }

    /** An appeal annulled or reduced the latest discipline: it ends here, and a reduced form comes as its own. */
    void latestDisciplineUndone() {
        List<Document> disciplines = disciplines();
        if (!disciplines.isEmpty()) {
            disciplines.remove(disciplines.size() - 1);
        }
    }

    /**
     * The milder disciplines still in effect on {@code date}, oldest first: each applies until {@code effectMonths}
     * after its effective date; an expelled member is not considered at all, so expulsion is not among them.
     */
    List<Discipline> disciplinesInEffectOn(LocalDate date, int effectMonths) {
        return disciplines().stream()
                .map(stored -> new Discipline(DisciplineForm.valueOf(stored.getString("form")),
                        date(stored.getString("effectiveDate"))))
                .filter(discipline -> discipline.form() != DisciplineForm.EXPULSION)
                .filter(discipline -> !discipline.effectiveDate().isAfter(date)
                        && date.isBefore(discipline.effectiveDate().plusMonths(effectMonths)))
                .toList();
    }

    private List<Document> badges() {
        return document.getList("badges", Document.class);
    }

    private List<Document> disciplines() {
        return document.getList("disciplines", Document.class);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
