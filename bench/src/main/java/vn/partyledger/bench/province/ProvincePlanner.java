package vn.partyledger.bench.province;

import vn.partyledger.bench.ImportBenchmark;
import vn.partyledger.bench.province.Population.Branch;
import vn.partyledger.bench.province.Population.Member;
import vn.partyledger.bench.province.Population.Ward;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;

import static vn.partyledger.bench.province.Json.decision;
import static vn.partyledger.bench.province.Json.object;

/**
 * Generates a synthetic province (issue 14 item 1): its population as an import file, then its history as commands.
 * Deterministic: everything is drawn from one random generator seeded by the shape, in a fixed order.
 */
public final class ProvincePlanner {

    /** The province the benchmark's board user acts for. */
    public static final String PROVINCE = ImportBenchmark.PROVINCE;

    private ProvincePlanner() {
    }

    public static ProvincePlan plan(ProvinceShape shape) {
        SplittableRandom random = new SplittableRandom(shape.seed() * 1_000_003L + shape.members());
        Population population = Population.generate(shape, random);
        Member longLived = longLived(population);
        String importFile = importFile(population, shape.historyStart());
        HistoryPlanner history = new HistoryPlanner(population, random);
        history.plan();
        Branch largest = population.branches.stream().max(Comparator.comparingInt(branch -> branch.size))
                .orElseThrow();
        String timelineMember = history.firstAdmitted() != null ? history.firstAdmitted()
                                                                : population.branches.get(0).introducers.get(0).id;
        return new ProvincePlan(shape, importFile, List.copyOf(history.partitions()), Map.copyOf(history.counts()),
                population.wards.size(), population.branches.size(), population.newWards.size(), largest.id,
                largest.successorId, timelineMember, longLived.id, longLived.branch.successorId);
    }

    /** A full member, not exempt, of the last branch, set aside from the history for the long-record scenario. */
    private static Member longLived(Population population) {
        List<Member> roll = population.branches.get(population.branches.size() - 1).roll;
        for (int n = roll.size() - 1; n >= 0; n--) {
            Member member = roll.get(n);
            if (!member.reserved && member.fullSince != null && member.exemption == null) {
                member.reserved = true;
                return member;
            }
        }
        throw new IllegalStateException("The last branch has no full member free for the long-record scenario");
    }

    /** Parents first: the province, each ward with its committee in office, each branch, then every member. */
    private static String importFile(Population population, LocalDate historyStart) {
        StringJoiner file = new StringJoiner("\n", "", "\n");
        file.add(Json.text(object("type", "organisation", "orgId", PROVINCE, "name", "Đảng bộ tỉnh tổng hợp",
                "kind", "PROVINCIAL", "foundingFullMembers", 3, "effectiveDate", LocalDate.of(1975, 5, 1))));
        LocalDate termStart = historyStart.minusYears(1);
        for (Ward ward : population.wards) {
            List<Member> committee = ward.committee;
            file.add(Json.text(object("type", "organisation", "orgId", ward.id, "name", "Đảng bộ phường " + ward.index,
                    "kind", "GRASSROOTS_COMMITTEE", "parentOrgId", PROVINCE,
                    "flags", object("grassroots", true, "directSuperiorOfGrassroots", false,
                            "delegatedAdmissionAuthority", true, "canDecideDiscipline", true),
                    "foundingFullMembers", 300, "effectiveDate", LocalDate.of(1990, 1, 2),
                    "decision", decision("TL-" + ward.id, LocalDate.of(1990, 1, 2), PROVINCE),
                    "leadership", object("termStart", termStart, "secretaryMemberId", committee.get(0).id,
                            "deputyMemberIds", List.of(committee.get(1).id, committee.get(2).id),
                            "committeeMemberIds", committee.subList(3, committee.size()).stream()
                                    .map(member -> member.id).toList(),
                            "decision", decision("DH-" + ward.id, termStart, PROVINCE)))));
        }
        for (Branch branch : population.branches) {
            file.add(Json.text(object("type", "organisation", "orgId", branch.id, "name", "Chi bộ " + branch.index,
                    "kind", "SUBORDINATE_BRANCH", "branchType", branch.type, "parentOrgId", branch.ward.id,
                    "foundingFullMembers", 3, "effectiveDate", branch.founded,
                    "decision", decision("TL-" + branch.id, branch.founded, branch.ward.id))));
        }
        for (Member member : population.members) {
            file.add(Json.text(memberLine(member)));
        }
        return file.toString();
    }

    private static Map<String, Object> memberLine(Member member) {
        return object("type", "member", "memberId", member.id, "personId", "person-" + member.number,
                "homeOrgId", member.branch.id, "status", member.fullSince == null ? "PROBATIONARY" : "FULL",
                "firstAdmissionDecisionDate", member.firstAdmission, "ceremonyDate", member.ceremony,
                "fullMembershipDate", member.fullSince, "onRollSince", member.onRollSince,
                "badges", member.importedBadges.isEmpty() ? null : member.importedBadges.stream()
                        .map(badge -> object("level", badge[0], "badgeNumber", "HH" + badge[0] + "-" + member.number,
                                "awardedOn", LocalDate.ofEpochDay(badge[1])))
                        .toList(),
                "exemption", member.exemption == null ? null
                        : object("kind", member.exemption, "reason", "ADVANCED_AGE_POOR_HEALTH",
                                "from", member.exemptFrom),
                "paperFileRef", "HS-" + member.number,
                "person", object("fullName", "Đảng viên " + member.number, "dateOfBirth", member.born,
                        "gender", member.female ? "FEMALE" : "MALE", "generalEducation", "UPPER_SECONDARY",
                        "nationalId", "%012d".formatted(100_000_000_000L + member.number)));
    }
}
