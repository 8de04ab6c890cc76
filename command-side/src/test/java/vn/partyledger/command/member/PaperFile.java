package vn.partyledger.command.member;

import vn.partyledger.domain.member.ImportedBadge;
import vn.partyledger.domain.member.MemberImported;
import vn.partyledger.domain.member.MemberStatus;
import vn.partyledger.domain.member.PartyAge;
import vn.partyledger.domain.onboarding.ImportMember;
import vn.partyledger.domain.onboarding.ImportedAttachment;
import vn.partyledger.domain.onboarding.ImportedDiscipline;
import vn.partyledger.domain.onboarding.ImportedExemption;

import java.time.LocalDate;
import java.util.List;

/**
 * Member m1 of kp1 as a paper file states it for the onboarding tests: admitted in 1990, full since 1991, on the
 * branch's roll since 2012, imported in November 2026; and the record its import opens.
 */
final class PaperFile {

    static final String BRANCH = RecruitmentHistory.BRANCH;
    static final LocalDate DECIDED = LocalDate.of(1990, 1, 15);
    static final LocalDate CEREMONY = LocalDate.of(1990, 2, 3);
    static final LocalDate FULL_FROM = LocalDate.of(1991, 2, 3);
    static final LocalDate ON_ROLL = LocalDate.of(2012, 7, 1);
    static final LocalDate IMPORTED = LocalDate.of(2026, 11, 2);
    static final String FILE = "HS-0417/QU8";

    private PaperFile() {
    }

    /** The full member m1 with the gaps and badges given and nothing in force. */
    static ImportMember fullMember(List<PartyAge.Gap> gaps, List<ImportedBadge> badges) {
        return new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY, FULL_FROM, ON_ROLL,
                gaps, "PC-0417", badges, null, null, null, FILE, IMPORTED);
    }

    /** The full member m1 with what the file shows in force (each may be null). */
    static ImportMember fullMember(ImportedExemption exemption, ImportedDiscipline discipline,
                                   ImportedAttachment attachment) {
        return new ImportMember("m1", "p1", BRANCH, MemberStatus.FULL, DECIDED, DECIDED, CEREMONY, FULL_FROM, ON_ROLL,
                List.of(), null, List.of(), exemption, discipline, attachment, FILE, IMPORTED);
    }

    /** A probationary member m1, admitted this year, on the roll since the ceremony, with what is in force. */
    static ImportMember probationaryMember(ImportedExemption exemption, ImportedDiscipline discipline) {
        LocalDate decided = LocalDate.of(2026, 3, 2);
        return new ImportMember("m1", "p1", BRANCH, MemberStatus.PROBATIONARY, decided, decided,
                decided.plusDays(12), null, decided.plusDays(12), List.of(), null, List.of(), exemption, discipline,
                null, FILE, IMPORTED);
    }

    static MemberImported imported(ImportMember command) {
        return new MemberImported(command.memberId(), command.personId(), command.homeOrgId(), command.status(),
                command.firstAdmissionDecisionDate(), command.admissionDecisionDate(), command.ceremonyDate(),
                command.ceremonyDate().plusMonths(12), command.fullMembershipDate(), command.onRollSince(),
                command.partyAgeGaps(), command.cardNumber(), command.badges(), command.paperFileRef(),
                command.importedOn());
    }
}
