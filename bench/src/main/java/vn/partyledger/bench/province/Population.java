package vn.partyledger.bench.province;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The province as its paper files stand the day before the history starts: wards of 10 to 28 branches (seed 002 has
 * 11, seed 003 has 23), branches of 20 to 900 members (most a few dozen, seed 000's has 67), mostly residential, and
 * their members. In residential and apartment-building branches about 30 % are exempt (seed 000: 20 of 67), the old
 * among them; a few in every branch are still on probation; badges are on file up to the party age reached. Each
 * ward's committee of nine and two introducers per branch are long-standing full members the history leaves as they
 * are, so every vote and introduction of the history has its electorate and its introducers.
 */
final class Population {

    static final int[] BADGE_LEVELS = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};
    static final List<MonthDay> BADGE_OCCASIONS = List.of(MonthDay.of(2, 3), MonthDay.of(5, 19), MonthDay.of(9, 2),
            MonthDay.of(11, 7));
    static final int MIN_BRANCH = 20;
    static final int MAX_BRANCH = 900;
    static final int COMMITTEE = 9;
    static final int INTRODUCERS = 2;
    private static final List<String> OTHER_TYPES = List.of("STATE_AGENCY", "SCHOOL", "HEALTH", "POLICE", "MILITARY",
            "STATE_ENTERPRISE", "NON_STATE_ENTERPRISE", "CREDIT_FUND");

    final List<Ward> wards = new ArrayList<>();
    final List<NewWard> newWards = new ArrayList<>();
    final List<Branch> branches = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final LocalDate historyStart;

    private Population(LocalDate historyStart) {
        this.historyStart = historyStart;
    }

    static Population generate(ProvinceShape shape, SplittableRandom random) {
        Population population = new Population(shape.historyStart());
        population.branches(shape.members(), random);
        population.wards(random);
        for (Branch branch : population.branches) {
            for (int n = 0; n < branch.size; n++) {
                population.member(branch, random);
            }
        }
        population.reserveVeterans(random);
        return population;
    }

    /** Branch sizes drawn around forty, the last one taking what is left so the total is exact. */
    private void branches(int total, SplittableRandom random) {
        int remaining = total;
        while (remaining > 0) {
            int size = (int) Math.round(Math.exp(Math.log(40) + 0.75 * gaussian(random)));
            size = Math.max(MIN_BRANCH, Math.min(MAX_BRANCH, size));
            if (remaining - size < MIN_BRANCH) {
                size = remaining <= MAX_BRANCH ? remaining : remaining - MIN_BRANCH;
            }
            double kind = random.nextDouble();
            String type = kind < 0.70 ? "RESIDENTIAL" : kind < 0.75 ? "APARTMENT_BUILDING"
                    : OTHER_TYPES.get(random.nextInt(OTHER_TYPES.size()));
            LocalDate founded = LocalDate.of(1995, 1, 2).plusDays(random.nextInt(3650));
            branches.add(new Branch(branches.size(), type, size, founded));
            remaining -= size;
        }
    }

    /** Consecutive branches into wards, and consecutive wards, two or three, into the wards of 1 Jul 2025. */
    private void wards(SplittableRandom random) {
        int next = 0;
        for (int count : groups(branches.size(), 10, 19, random)) {
            Ward ward = new Ward(wards.size());
            for (Branch branch : branches.subList(next, next + count)) {
                branch.ward = ward;
                ward.branches.add(branch);
            }
            wards.add(ward);
            next += count;
        }
        next = 0;
        for (int count : groups(wards.size(), 2, 2, random)) {
            NewWard merged = new NewWard(newWards.size());
            for (Ward ward : wards.subList(next, next + count)) {
                ward.successor = merged;
                merged.wards.add(ward);
            }
            newWards.add(merged);
            next += count;
        }
    }

    /**
     * Sizes of consecutive groups of {@code items}, each drawn from {@code smallest} to {@code smallest + spread - 1};
     * a remainder too small to be a group joins the last one (a total below {@code smallest} is one group).
     */
    private static List<Integer> groups(int items, int smallest, int spread, SplittableRandom random) {
        List<Integer> sizes = new ArrayList<>();
        int next = 0;
        while (next < items) {
            int count = smallest + random.nextInt(spread);
            if (items - next - count < smallest) {
                count = items - next;
            }
            sizes.add(count);
            next += count;
        }
        return sizes;
    }

    private void member(Branch branch, SplittableRandom random) {
        boolean older = branch.residential();
        int age = older ? 25 + (int) (65 * Math.sqrt(random.nextDouble())) : 24 + random.nextInt(37);
        LocalDate born = historyStart.minusYears(age).minusDays(random.nextInt(365));
        Member member = new Member(members.size(), branch, born, random.nextDouble() < 0.4);
        if (random.nextDouble() < 0.04) {
            member.ceremony = historyStart.minusDays(10 + random.nextInt(320));
            member.firstAdmission = member.ceremony.minusDays(10 + random.nextInt(16));
            member.onRollSince = member.ceremony;
        } else {
            int admissionAge = 18 + random.nextInt(Math.max(1, Math.min(age - 2, 45) - 18));
            LocalDate admission = born.plusYears(admissionAge).plusDays(random.nextInt(300));
            LocalDate latest = historyStart.minusMonths(14);
            member.firstAdmission = admission.isAfter(latest) ? latest.minusDays(random.nextInt(200)) : admission;
            member.ceremony = member.firstAdmission.plusDays(10 + random.nextInt(16));
            member.fullSince = member.ceremony.plusYears(1);
            LocalDate arrived = later(member.ceremony, branch.founded);
            long room = historyStart.minusDays(60).toEpochDay() - arrived.toEpochDay();
            member.onRollSince = random.nextDouble() < 0.3 && room > 0
                    ? arrived.plusDays(random.nextLong(room)) : arrived;
            if (older && age >= 60 && random.nextDouble() < 0.44) {
                LocalDate from = later(member.onRollSince, member.fullSince);
                long span = historyStart.toEpochDay() - from.toEpochDay();
                if (span > 1) {
                    member.exemptFrom = from.plusDays(random.nextLong(span - 1));
                    member.exemption = "FULL";
                }
            }
            member.importBadges(historyStart);
        }
        branch.roll.add(member);
        members.add(member);
    }

    /** Two introducers per branch and each ward's committee: long-standing full members, never exempt. */
    private void reserveVeterans(SplittableRandom random) {
        for (Branch branch : branches) {
            for (int n = 0; n < INTRODUCERS; n++) {
                branch.introducers.add(veteran(branch.roll.get(n), random));
            }
        }
        for (Ward ward : wards) {
            for (int position = INTRODUCERS; ward.committee.size() < COMMITTEE; position++) {
                for (Branch branch : ward.branches) {
                    if (ward.committee.size() < COMMITTEE) {
                        ward.committee.add(veteran(branch.roll.get(position), random));
                    }
                }
            }
        }
    }

    private Member veteran(Member member, SplittableRandom random) {
        member.reserved = true;
        member.exemption = null;
        member.exemptFrom = null;
        member.firstAdmission = member.branch.founded.minusYears(5).minusDays(random.nextInt(1500));
        member.born = member.firstAdmission.minusYears(25);
        member.ceremony = member.firstAdmission.plusDays(14);
        member.fullSince = member.ceremony.plusYears(1);
        member.onRollSince = member.branch.founded;
        member.importBadges(historyStart);
        return member;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, written out so the draws do not depend on a library's algorithm across JDK versions
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The first badge occasion on or after a day. */
    static LocalDate occasionOnOrAfter(LocalDate day) {
        for (int year = day.getYear(); ; year++) {
            for (MonthDay occasion : BADGE_OCCASIONS) {
                LocalDate date = occasion.atYear(year);
                if (!date.isBefore(day)) {
                    return date;
                }
            }
        }
    }

    static final class Ward {
        final int index;
        final String id;
        final List<Branch> branches = new ArrayList<>();
        final List<Member> committee = new ArrayList<>();
        NewWard successor;

        Ward(int index) {
            this.index = index;
            this.id = "ward-" + index;
        }
    }

    /** A ward founded on 1 Jul 2025 from two or three old ones: the history's unit of order (one writer at a time). */
    static final class NewWard {
        final int index;
        final String id;
        final List<Ward> wards = new ArrayList<>();

        NewWard(int index) {
            this.index = index;
            this.id = "new-ward-" + index;
        }
    }

    static final class Branch {
        final int index;
        final String id;
        /** The branch founded under the new ward on 1 Jul 2025, into which this one merged. */
        final String successorId;
        final String type;
        final int size;
        final LocalDate founded;
        final List<Member> roll = new ArrayList<>();
        final List<Member> introducers = new ArrayList<>();
        Ward ward;

        Branch(int index, String type, int size, LocalDate founded) {
            this.index = index;
            this.id = "branch-" + index;
            this.successorId = "branch-" + index + "-2025";
            this.type = type;
            this.size = size;
            this.founded = founded;
        }

        boolean residential() {
            return type.equals("RESIDENTIAL") || type.equals("APARTMENT_BUILDING");
        }

        /** The ward above the branch on a day: the old one before the reorganisation, the merged one from it. */
        String wardOn(LocalDate day) {
            return day.isBefore(ProvinceShape.REORGANISATION) ? ward.id : ward.successor.id;
        }

        /** The branch's id on a day: this one before the reorganisation, its successor from it. */
        String idOn(LocalDate day) {
            return day.isBefore(ProvinceShape.REORGANISATION) ? id : successorId;
        }

        long fullMembers() {
            return roll.stream().filter(Member::full).count();
        }
    }

    static final class Member {
        final int number;
        final String id;
        final boolean female;
        Branch branch;
        LocalDate born;
        LocalDate firstAdmission;
        LocalDate ceremony;
        LocalDate onRollSince;
        /** When full membership began; null while on probation. */
        LocalDate fullSince;
        /** FULL or TEMPORARY while an exemption is in force, else null. */
        String exemption;
        LocalDate exemptFrom;
        /** Long-standing members whose history is left as it is: introducers and committee members. */
        boolean reserved;
        boolean dead;
        boolean disciplined;
        /** The day until which a case of the member's is open; no other is started before it. */
        LocalDate busyUntil = LocalDate.MIN;
        /** The index in BADGE_LEVELS of the next badge the member can receive. */
        int nextBadge;
        final List<int[]> importedBadges = new ArrayList<>();

        Member(int number, Branch branch, LocalDate born, boolean female) {
            this.number = number;
            this.id = "member-" + number;
            this.branch = branch;
            this.born = born;
            this.female = female;
        }

        boolean full() {
            return fullSince != null && !dead;
        }

        boolean freeOn(LocalDate day) {
            return !dead && !reserved && busyUntil.isBefore(day);
        }

        /** The badges whose occasion came before the history; a level reached just before it is not awarded. */
        void importBadges(LocalDate historyStart) {
            importedBadges.clear();
            nextBadge = 0;
            while (nextBadge < BADGE_LEVELS.length) {
                LocalDate occasion = occasionOnOrAfter(firstAdmission.plusYears(BADGE_LEVELS[nextBadge]));
                if (!occasion.isBefore(historyStart)) {
                    break;
                }
                importedBadges.add(new int[] {BADGE_LEVELS[nextBadge], (int) occasion.toEpochDay()});
                nextBadge++;
            }
        }

        /** The occasion of the next badge, or null when every level has been awarded. */
        LocalDate nextBadgeOccasion() {
            return nextBadge < BADGE_LEVELS.length
                    ? occasionOnOrAfter(firstAdmission.plusYears(BADGE_LEVELS[nextBadge])) : null;
        }
    }
}
