package vn.partyledger.bench.province;

import vn.partyledger.bench.province.Population.Branch;
import vn.partyledger.bench.province.Population.Member;
import vn.partyledger.bench.province.Population.NewWard;
import vn.partyledger.bench.province.Population.Ward;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

import static vn.partyledger.bench.province.Json.decision;
import static vn.partyledger.bench.province.Json.object;
import static vn.partyledger.bench.province.ProvinceShape.HISTORY_END;
import static vn.partyledger.bench.province.ProvinceShape.REORGANISATION;

/**
 * The years of history, planned day by day from the rules so that every command is one the ledger accepts: each case
 * (an admission's file, votes, decision and ceremony; a recognition at the end of probation; a transfer letter and
 * its presentation; an exemption and its end) is dated as the rules order it and starts only for a member with no
 * other case open. Admissions, recognitions and transfers lie wholly on one side of 1 Jul 2025, so each step names
 * the branch and the ward of its day; an admission's file that would run across it opens after it instead (a
 * candidate is on no roll, so the merge does not carry the file). A vote is planned on its own day from the roll as
 * the plan has it then (the ledger counts the electorate; four fifths in favour pass two thirds of a roll within a
 * fifth of the plan's). Rates per member and year: admissions 3.5 % (Đà Nẵng's 4 % target, seed 001), deaths 0.8 %,
 * transfers 1.5 %, temporary exemptions 0.6 %, full exemptions of the old 1.2 % in residential branches, reprimands
 * 0.3 %; badges at every occasion a member's party age reaches the next level.
 */
final class HistoryPlanner {

    private static final double ADMISSIONS = 0.035;
    private static final double DEATHS = 0.008;
    private static final double TRANSFERS = 0.015;
    private static final double TEMPORARY_EXEMPTIONS = 0.006;
    private static final double FULL_EXEMPTIONS_RESIDENTIAL = 0.012;
    private static final double FULL_EXEMPTIONS_OTHER = 0.001;
    private static final double REPRIMANDS = 0.003;
    /** From registration to ceremony. */
    private static final int ADMISSION_DAYS = 169;
    /** Weekdays in a year: cases start on working days. */
    private static final double DAYS = 261;
    private static final String PROVINCE = ProvincePlanner.PROVINCE;

    private final Population population;
    private final SplittableRandom random;
    private final List<List<PlannedCommand>> partitions = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
    private long scheduled;
    private int newMembers;
    private int transfers;
    private String firstAdmitted;

    HistoryPlanner(Population population, SplittableRandom random) {
        this.population = population;
        this.random = random;
        population.newWards.forEach(ward -> partitions.add(new ArrayList<>()));
    }

    List<List<PlannedCommand>> partitions() {
        return partitions;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    /** The first member admitted in the history, or null if none was. */
    String firstAdmitted() {
        return firstAdmitted;
    }

    void plan() {
        for (Member member : population.members) {
            if (member.fullSince == null) {
                recognition(member, member.ceremony.plusYears(1));
            }
        }
        for (LocalDate day = population.historyStart; !day.isAfter(HISTORY_END); day = day.plusDays(1)) {
            if (day.equals(REORGANISATION)) {
                population.newWards.forEach(ward -> reorganise(ward, REORGANISATION));
            }
            while (!agenda.isEmpty() && !agenda.peek().day.isAfter(day)) {
                agenda.poll().step.run();
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                for (Branch branch : population.branches) {
                    start(branch, day);
                }
            }
            badges(day);
        }
    }

    /** At most one case a day per branch, its kind drawn by the rates. */
    private void start(Branch branch, LocalDate day) {
        double perDay = branch.roll.size() / DAYS;
        double draw = random.nextDouble();
        double fullExemptions = branch.residential() ? FULL_EXEMPTIONS_RESIDENTIAL : FULL_EXEMPTIONS_OTHER;
        if ((draw -= ADMISSIONS * perDay) < 0) {
            admission(branch, day);
        } else if ((draw -= DEATHS * perDay) < 0) {
            death(branch, day);
        } else if ((draw -= TRANSFERS * perDay) < 0) {
            transfer(branch, day);
        } else if ((draw -= TEMPORARY_EXEMPTIONS * perDay) < 0) {
            temporaryExemption(branch, day);
        } else if ((draw -= fullExemptions * perDay) < 0) {
            fullExemption(branch, day);
        } else if (draw - REPRIMANDS * perDay < 0) {
            reprimand(branch, day);
        }
    }

    /**
     * Seed 000's file, dated from the registration: the awareness course three weeks before it, application a week
     * after, introducers, verification and comments, the branch vote at 13 weeks, the ward committee two weeks later,
     * the decision at 22 weeks, received two days later, and the ceremony 15 days after the decision.
     */
    private void admission(Branch branch, LocalDate day) {
        if (across(day, day.plusDays(ADMISSION_DAYS))) {
            // a candidate is on no roll, so a merge would leave the file in a dissolved branch: the files that would
            // run across 1 Jul 2025 open in the new branches over the two months after it instead
            LocalDate registered = REORGANISATION.plusDays(
                    ChronoUnit.DAYS.between(REORGANISATION.minusDays(ADMISSION_DAYS), day) / 3);
            at(registered, () -> file(branch, registered));
        } else {
            file(branch, day);
        }
    }

    private void file(Branch branch, LocalDate registered) {
        LocalDate decided = registered.plusDays(154);
        LocalDate ceremony = registered.plusDays(ADMISSION_DAYS);
        if (ceremony.isAfter(HISTORY_END)) {
            return;
        }
        int number = population.members.size() + newMembers++;
        String memberId = "member-" + number;
        String personId = "person-" + number;
        String path = "/api/v1/members/" + memberId + "/";
        LocalDate voted = registered.plusDays(91);
        LocalDate born = voted.minusYears(20 + random.nextInt(16)).minusDays(random.nextInt(365));
        boolean female = random.nextDouble() < 0.5;
        emit(branch, registered, "register-person", "/api/v1/persons/" + personId + "/register", object(
                "fullName", "Quần chúng " + number, "dateOfBirth", born, "gender", female ? "FEMALE" : "MALE",
                "ethnicity", "01", "religion", "NONE", "generalEducation", "UPPER_SECONDARY",
                "professionalEducation", "UNIVERSITY", "politicalTheory", "ELEMENTARY", "occupation", "teacher",
                "nationalId", "%012d".formatted(300_000_000_000L + number), "youthUnionMember", true));
        emit(branch, registered, "register-candidate", path + "register-candidate", object("personId", personId,
                "branchId", branch.idOn(registered), "source", "YOUTH_UNION", "registeredOn", registered));
        emit(branch, registered, "record-awareness-course", path + "record-awareness-course", object(
                "certificateNo", "GCN-" + number, "issuerOrgId", branch.wardOn(registered),
                "issueDate", courseEnded(registered)));
        at(registered.plusDays(7), () -> emit(branch, registered.plusDays(7), "submit-application",
                path + "submit-application", object("applicationDate", registered.plusDays(7), "readmission", false,
                        "biographyDocRef", "LL-" + number, "youthUnionAge", false, "unitHasYouthUnion", false)));
        at(registered.plusDays(14), () -> branch.introducers.forEach(introducer -> emit(branch,
                registered.plusDays(14), "assign-introducer", path + "assign-introducer", object(
                        "introducerType", "FULL_MEMBER", "introducerMemberId", introducer.id,
                        "knownSince", registered.minusYears(3), "assignedOn", registered.plusDays(14)))));
        at(registered.plusDays(63), () -> emit(branch, registered.plusDays(63), "record-background-verification",
                path + "record-background-verification", object("subjects", List.of("CANDIDATE", "FATHER", "MOTHER"),
                        "conclusion", "CLEAR", "verifyingOrgId", branch.wardOn(registered.plusDays(63)),
                        "concludedOn", registered.plusDays(63))));
        at(registered.plusDays(70), () -> emit(branch, registered.plusDays(70), "record-comments-summary",
                path + "record-comments-summary", object("docRef", "TH-" + number,
                        "filedOn", registered.plusDays(70))));
        at(voted, () -> emit(branch, voted, "record-branch-admission-vote", path + "record-branch-admission-vote",
                object("meetingId", branch.idOn(voted) + "-" + voted, "voteDate", voted,
                        "inFavour", fourFifths(branch), "against", 0)));
        LocalDate committeeVoted = registered.plusDays(105);
        at(committeeVoted, () -> emit(branch, committeeVoted, "record-committee-admission-vote",
                path + "record-committee-admission-vote", object("committeeOrgId", branch.wardOn(committeeVoted),
                        "voteDate", committeeVoted, "inFavour", 7)));
        at(decided, () -> emit(branch, decided, "decide-admission", path + "decide-admission", object(
                "decision", decision("KN-" + number + "/QĐ", decided, branch.wardOn(decided)),
                "receivedByBranchOn", decided.plusDays(2))));
        at(ceremony, () -> {
            emit(branch, ceremony, "admit", path + "admit", object("ceremonyDate", ceremony));
            Member member = new Member(number, branch, born, female);
            member.firstAdmission = decided;
            member.ceremony = ceremony;
            member.onRollSince = ceremony;
            member.nextBadge = Population.BADGE_LEVELS.length;
            population.members.add(member);
            branch.roll.add(member);
            if (firstAdmitted == null) {
                firstAdmitted = memberId;
            }
            recognition(member, ceremony.plusYears(1));
        });
    }

    /**
     * Recognition at the end of probation: the branch votes the next day, the ward committee a week later, and the
     * ward decides on the eleventh day. A probation that ends before 1 Jul 2025 is recognised before it, all three on
     * the last days in the old branch (the recognition takes effect on the probation's end, on the roll of that day),
     * or not at all when it ended on the eve.
     */
    private void recognition(Member member, LocalDate probationEnd) {
        LocalDate branchVoted = probationEnd.plusDays(1);
        LocalDate committeeVoted = branchVoted.plusDays(7);
        LocalDate decided = branchVoted.plusDays(10);
        if (across(probationEnd, decided)) {
            committeeVoted = branchVoted;
            decided = REORGANISATION.minusDays(1);
        }
        if (decided.isAfter(HISTORY_END) || decided.isBefore(branchVoted)) {
            member.busyUntil = HISTORY_END;
            return;
        }
        recognition(member, probationEnd, branchVoted, committeeVoted, decided);
    }

    private void recognition(Member member, LocalDate probationEnd, LocalDate branchVoted, LocalDate committeeVoted,
                             LocalDate decided) {
        member.busyUntil = decided;
        String path = "/api/v1/members/" + member.id + "/";
        at(branchVoted, () -> emit(member.branch, branchVoted, "record-recognition-vote", path
                + "record-recognition-vote", object("level", "BRANCH", "voteDate", branchVoted,
                "inFavour", fourFifths(member.branch), "against", 0, "attemptNo", 1)));
        at(committeeVoted, () -> emit(member.branch, committeeVoted, "record-recognition-vote", path
                + "record-recognition-vote", object("level", "COMMITTEE", "committeeOrgId",
                member.branch.wardOn(committeeVoted), "voteDate", committeeVoted, "inFavour", 7, "against", 0,
                "attemptNo", 1)));
        at(decided, () -> {
            emit(member.branch, decided, "recognize-full-member", path + "recognize-full-member", object(
                    "decision", decision("CT-" + member.number + "/QĐ", decided, member.branch.wardOn(decided))));
            member.fullSince = probationEnd;
        });
    }

    /** Of a member past sixty. */
    private void death(Branch branch, LocalDate day) {
        Member member = pick(branch, day, candidate -> !candidate.born.isAfter(day.minusYears(60)));
        if (member == null) {
            return;
        }
        emit(branch, day, "record-death", "/api/v1/members/" + member.id + "/record-death",
                object("dateOfDeath", day));
        member.dead = true;
        branch.roll.remove(member);
    }

    /** An official letter to another branch of the same ward, issued by the ward, presented 12 days later. */
    private void transfer(Branch branch, LocalDate issued) {
        LocalDate presented = issued.plusDays(12);
        List<Branch> sameWard = branchesOfTheWard(branch, issued);
        if (presented.isAfter(HISTORY_END) || across(issued, presented) || sameWard.size() < 2) {
            return;
        }
        Member member = pick(branch, issued, candidate -> candidate.full() && candidate.exemption == null);
        if (member == null) {
            return;
        }
        Branch to = sameWard.get(random.nextInt(sameWard.size()));
        if (to == branch) {
            return;
        }
        String transferId = "transfer-" + transfers++;
        emit(branch, issued, "issue-transfer-letter", "/api/v1/transfers/" + transferId + "/issue-transfer-letter",
                object("memberId", member.id, "type", "OFFICIAL", "fromOrgId", branch.idOn(issued),
                        "toOrgId", to.idOn(issued),
                        "trigger", "RESIDENCE_CHANGE", "triggerDate", issued.minusDays(14),
                        "requestedOn", issued.minusDays(7),
                        "letter", decision("GGT-" + transferId, issued, branch.wardOn(issued))));
        member.busyUntil = presented;
        at(presented, () -> {
            emit(branch, presented, "present-transfer-letter", "/api/v1/transfers/" + transferId
                    + "/present-transfer-letter", object("receivingOrgId", to.idOn(presented), "presentedDate", presented));
            branch.roll.remove(member);
            to.roll.add(member);
            member.branch = to;
        });
    }

    /** Working away for six months, decided by the ward; the member resumes after five. */
    private void temporaryExemption(Branch branch, LocalDate from) {
        Member member = pick(branch, from, candidate -> candidate.full() && candidate.exemption == null);
        if (member == null) {
            return;
        }
        String path = "/api/v1/members/" + member.id + "/";
        emit(branch, from, "grant-exemption", path + "grant-exemption", object("kind", "TEMPORARY",
                "reason", "WORKING_AWAY", "from", from, "until", from.plusMonths(6),
                "applicationRef", "DON-" + member.number + "-" + from,
                "resolution", decision("MSH-" + member.number + "/NQ", from, branch.wardOn(from))));
        member.exemption = "TEMPORARY";
        LocalDate resumed = from.plusMonths(5);
        if (resumed.isAfter(HISTORY_END)) {
            member.busyUntil = HISTORY_END;
            return;
        }
        member.busyUntil = resumed;
        at(resumed, () -> {
            emit(member.branch, resumed, "end-exemption", path + "end-exemption", object("reason", "MEMBER_RESUMED",
                    "endedOn", resumed, "returnFeedbackRef", "NX-" + member.number));
            member.exemption = null;
        });
    }

    /** An old full member's own application, decided by the branch (I14). */
    private void fullExemption(Branch branch, LocalDate from) {
        Member member = pick(branch, from, candidate -> candidate.full() && candidate.exemption == null
                && !candidate.born.isAfter(from.minusYears(60)));
        if (member == null) {
            return;
        }
        emit(branch, from, "grant-exemption", "/api/v1/members/" + member.id + "/grant-exemption", object(
                "kind", "FULL", "reason", "ADVANCED_AGE_POOR_HEALTH", "from", from,
                "applicationRef", "DON-" + member.number + "-" + from,
                "resolution", decision("MSH-" + member.number + "/NQ", from, branch.idOn(from))));
        member.exemption = "FULL";
    }

    /** A reprimand by the member's own branch (I12); a reprimanded member is not considered for a badge again. */
    private void reprimand(Branch branch, LocalDate day) {
        Member member = pick(branch, day, candidate -> candidate.full() && candidate.exemption == null);
        if (member == null) {
            return;
        }
        emit(branch, day, "impose-discipline", "/api/v1/members/" + member.id + "/impose-discipline", object(
                "form", "REPRIMAND", "postHeld", false,
                "decision", decision("KL-" + member.number + "/QĐ", day, branch.idOn(day))));
        member.disciplined = true;
        member.busyUntil = day;
    }

    /**
     * The province decides badges two weeks before each occasion for the full members whose party age reaches their
     * next level by it (I24); a level whose occasion fell before the history's first decision is passed over.
     */
    private void badges(LocalDate day) {
        LocalDate occasion = day.plusDays(14);
        if (!Population.BADGE_OCCASIONS.contains(MonthDay.from(occasion)) || occasion.isAfter(HISTORY_END)) {
            return;
        }
        for (Member member : population.members) {
            if (member.dead || member.fullSince == null || member.disciplined || !member.busyUntil.isBefore(day)) {
                continue;
            }
            LocalDate next = member.nextBadgeOccasion();
            while (next != null && next.isBefore(occasion)) {
                member.nextBadge++;
                next = member.nextBadgeOccasion();
            }
            if (occasion.equals(next)) {
                int level = Population.BADGE_LEVELS[member.nextBadge++];
                emit(member.branch, day, "award-party-badge", "/api/v1/members/" + member.id + "/award-party-badge",
                        object("level", level, "badgeNumber", "HH" + level + "-" + member.number,
                                "occasionDate", occasion, "decision", decision("HH-" + occasion + "/QĐ", day,
                                        PROVINCE)));
            }
        }
    }

    /**
     * 1 Jul 2025, as the seed scenarios have it: the province founds the new ward (deciding admissions, as ward
     * committees do since), the new ward founds a branch for each old one and merges the old one into it (its members
     * move collectively, keeping their history), the old wards merge into the new one (no member is on a ward's own
     * roll), and the new ward's committee, nine of the old committees' members, is recorded.
     */
    private void reorganise(NewWard ward, LocalDate day) {
        String path = "/api/v1/organisations/" + ward.id + "/";
        Branch any = ward.wards.get(0).branches.get(0);
        emit(any, day, "establish", path + "establish", object("name", "Đảng bộ phường " + ward.index,
                "kind", "GRASSROOTS_COMMITTEE", "parentOrgId", PROVINCE,
                "flags", object("grassroots", true, "directSuperiorOfGrassroots", true,
                        "delegatedAdmissionAuthority", true, "canDecideDiscipline", true),
                "foundingFullMembers", 300, "effectiveDate", day,
                "decision", decision("TL-" + ward.id + "/QĐ", day, PROVINCE)));
        List<Member> committee = new ArrayList<>();
        for (Ward old : ward.wards) {
            for (Branch branch : old.branches) {
                String branchPath = "/api/v1/organisations/" + branch.successorId + "/";
                emit(branch, day, "establish", branchPath + "establish", object("name", "Chi bộ " + branch.index,
                        "kind", "SUBORDINATE_BRANCH", "branchType", branch.type, "parentOrgId", ward.id,
                        "foundingFullMembers", 3, "effectiveDate", day,
                        "decision", decision("TL-" + branch.successorId + "/QĐ", day, ward.id)));
                emit(branch, day, "merge", branchPath + "merge", object("sourceOrgIds", List.of(branch.id),
                        "effectiveDate", day, "decision", decision("HN-" + branch.successorId + "/QĐ", day, ward.id)));
            }
            committee.addAll(old.committee);
        }
        emit(any, day, "merge", path + "merge", object("sourceOrgIds", ward.wards.stream().map(old -> old.id)
                        .toList(), "effectiveDate", day,
                "decision", decision("HN-" + ward.id + "/QĐ", day, PROVINCE)));
        emit(any, day, "record-leadership-election", path + "record-leadership-election", object("termStart", day,
                "secretaryMemberId", committee.get(0).id,
                "deputyMemberIds", List.of(committee.get(1).id, committee.get(2).id),
                "committeeMemberIds", committee.subList(3, Population.COMMITTEE).stream().map(member -> member.id)
                        .toList(),
                "decision", decision("BC-" + ward.id + "/NQ", day, PROVINCE)));
    }

    private List<Branch> branchesOfTheWard(Branch branch, LocalDate day) {
        if (day.isBefore(REORGANISATION)) {
            return branch.ward.branches;
        }
        return branch.ward.successor.wards.stream().flatMap(ward -> ward.branches.stream()).toList();
    }

    /** A few tries at a member of the branch who is free for a new case and fits it; none if they all miss. */
    private Member pick(Branch branch, LocalDate day, Predicate<Member> fits) {
        for (int attempt = 0; attempt < 8 && !branch.roll.isEmpty(); attempt++) {
            Member member = branch.roll.get(random.nextInt(branch.roll.size()));
            if (member.freeOn(day) && fits.test(member)) {
                return member;
            }
        }
        return null;
    }

    /** Four fifths of the branch's full members as the plan has them today, at least two. */
    private static int fourFifths(Branch branch) {
        return (int) Math.max(2, Math.ceil(0.8 * branch.fullMembers()));
    }

    /**
     * The awareness course ends three weeks before the registration, but a file opened in a new branch has its course
     * from the new ward, so no earlier than 1 Jul 2025 (the record's branch must exist on the certificate's date).
     */
    private static LocalDate courseEnded(LocalDate registered) {
        LocalDate threeWeeksBefore = registered.minusDays(21);
        return !registered.isBefore(REORGANISATION) && threeWeeksBefore.isBefore(REORGANISATION) ? REORGANISATION
                                                                                                 : threeWeeksBefore;
    }

    /** Whether a case from {@code first} to {@code last} would straddle the reorganisation. */
    private static boolean across(LocalDate first, LocalDate last) {
        return first.isBefore(REORGANISATION) && !last.isBefore(REORGANISATION);
    }

    private void emit(Branch branch, LocalDate day, String kind, String path, Map<String, Object> body) {
        partitions.get(branch.ward.successor.index).add(new PlannedCommand(day, kind, path, Json.text(body)));
        counts.merge(kind, 1, Integer::sum);
    }

    private void at(LocalDate day, Runnable step) {
        agenda.add(new Scheduled(day, scheduled++, step));
    }

    private record Scheduled(LocalDate day, long order, Runnable step) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : Long.compare(order, other.order);
        }
    }
}
