package vn.partyledger.infra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A scripted province as an import file (docs/onboarding/import-file.md): the province under the test tree's root, a
 * ward and its branches, and members with varied histories — probationary, full since long ago with a 30-year badge,
 * transferred in, re-admitted after years out, full with a card — each with the person's data for the register; one
 * in ten of the long-standing members exempt, of those transferred in under a warning, of the others attached to the
 * next branch (when there is one); and the first branch's leadership in office. As JSON Lines, or as CSV.
 */
final class ProvinceFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String province;
    final String ward;
    final List<String> branches = new ArrayList<>();
    final List<String> organisationLines = new ArrayList<>();
    final List<String> memberLines = new ArrayList<>();
    int probationary;
    int full;
    int exempt;
    int attached;
    private final long nationalIds = 700_000_000_000L + ThreadLocalRandom.current().nextLong(90_000_000) * 1000;

    ProvinceFile(String suffix, int branchCount, int membersPerBranch) {
        province = "imp-prov-" + suffix;
        ward = "imp-ward-" + suffix;
        organisationLines.add("""
                {"type": "organisation", "orgId": "%s", "name": "Đảng bộ tỉnh (nhập)", "kind": "PROVINCIAL", \
                "parentOrgId": "central", "foundingFullMembers": 0, "effectiveDate": "1976-01-01", \
                "decision": {"docNumber": "1-QĐ/TW", "docDate": "1976-01-01", "issuingOrgId": "central"}}\
                """.formatted(province));
        organisationLines.add("""
                {"type": "organisation", "orgId": "%s", "name": "Đảng bộ Phường 1", "kind": "GRASSROOTS_COMMITTEE", \
                "parentOrgId": "%s", "flags": {"grassroots": true, "directSuperiorOfGrassroots": false, \
                "delegatedAdmissionAuthority": true, "canDecideDiscipline": true}, "foundingFullMembers": 30, \
                "effectiveDate": "1978-01-02", \
                "decision": {"docNumber": "3-QĐ/TU", "docDate": "1978-01-02", "issuingOrgId": "%s"}}\
                """.formatted(ward, province, province));
        for (int b = 0; b < branchCount; b++) {
            String branch = "imp-kp" + b + "-" + suffix;
            branches.add(branch);
            organisationLines.add("""
                    {"type": "organisation", "orgId": "%s", "name": "Chi bộ Khu phố %d", \
                    "kind": "SUBORDINATE_BRANCH", "branchType": "RESIDENTIAL", "parentOrgId": "%s", \
                    "foundingFullMembers": 3, "effectiveDate": "1980-01-07", \
                    "decision": {"docNumber": "%d-QĐ/ĐU", "docDate": "1980-01-07", "issuingOrgId": "%s"}}\
                    """.formatted(branch, b + 1, ward, 10 + b, ward));
            for (int m = 0; m < membersPerBranch; m++) {
                String host = branchCount > 1 ? "imp-kp" + (b + 1) % branchCount + "-" + suffix : null;
                memberLines.add(member(suffix, branch, b * membersPerBranch + m, host));
            }
        }
        // the first branch's members 1 to 3 are full: its secretary, deputy and committee
        String first = organisationLines.get(2);
        organisationLines.set(2, first.substring(0, first.length() - 1) + """
                , "leadership": {"termStart": "2025-06-10", "secretaryMemberId": "imp-m3-%s", \
                "deputyMemberIds": ["imp-m2-%s"], "committeeMemberIds": ["imp-m1-%s", "imp-m2-%s", "imp-m3-%s"], \
                "decision": {"docNumber": "88-QĐ/ĐU", "docDate": "2025-06-12", "issuingOrgId": "%s"}}}\
                """.formatted(suffix, suffix, suffix, suffix, suffix, ward));
    }

    /** The file's lines, organisations first, as a list to change. */
    List<String> lines() {
        List<String> lines = new ArrayList<>(organisationLines);
        lines.addAll(memberLines);
        return lines;
    }

    String text() {
        return String.join("\n", lines()) + "\n";
    }

    int members() {
        return memberLines.size();
    }

    /**
     * The same file as CSV (docs/onboarding/import-file.md): a column for every field's path any line states, in the
     * order they first come, and a row a line.
     */
    String csv() {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (String line : text().split("\n")) {
            Map<String, String> row = new LinkedHashMap<>();
            try {
                flatten("", JSON.readTree(line), row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            columns.addAll(row.keySet());
            rows.add(row);
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        rows.forEach(row -> csv.append(columns.stream().map(column -> cell(row.getOrDefault(column, "")))
                .collect(Collectors.joining(","))).append('\n'));
        return csv.toString();
    }

    private static void flatten(String path, JsonNode node, Map<String, String> row) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey(), field.getValue(), row));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i, node.get(i), row);
            }
        } else if (!node.isNull()) {
            row.put(path, node.asText());
        }
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private String member(String suffix, String branch, int n, String host) {
        LocalDate first;
        LocalDate latest;
        LocalDate ceremony;
        LocalDate full;
        LocalDate onRoll;
        String gaps = "[]";
        String badges = "[]";
        String inForce = "";
        switch (n % 5) {
            case 0 -> { // admitted this year: still on probation
                first = LocalDate.of(2026, 3, 2).plusDays(n % 40);
                latest = first;
                ceremony = first.plusDays(12);
                full = null;
                onRoll = ceremony;
            }
            case 1 -> { // full since 1991, thirty years of party age reached in 2020
                first = LocalDate.of(1990, 1, 15).plusDays(n % 200);
                latest = first;
                ceremony = first.plusDays(19);
                full = ceremony.plusMonths(12);
                onRoll = ceremony;
                badges = """
                        [{"level": 30, "badgeNumber": "HH30-%s-%d", "awardedOn": "%s"}]\
                        """.formatted(suffix, n, first.plusYears(30));
                if (n % 10 == 6) {
                    exempt++;
                    inForce = """
                            "exemption": {"kind": "FULL", "reason": "ADVANCED_AGE_POOR_HEALTH", \
                            "from": "2024-01-08"}, """;
                }
            }
            case 2 -> { // transferred in from another province as a full member
                first = LocalDate.of(2005, 6, 1).plusDays(n % 90);
                latest = first;
                ceremony = first.plusDays(15);
                full = ceremony.plusMonths(12);
                onRoll = LocalDate.of(2015, 6, 1);
                if (n % 10 == 7) {
                    inForce = """
                            "discipline": {"form": "WARNING", "decidedOn": "2026-02-10", \
                            "decisionRef": "07-QĐ/CB-%d", "violationCategory": "OTHER"}, """.formatted(n);
                }
            }
            case 3 -> { // re-admitted after five years out
                first = LocalDate.of(1985, 5, 1);
                latest = LocalDate.of(2000, 5, 15).plusDays(n % 30);
                ceremony = latest.plusDays(17);
                full = ceremony.plusMonths(12);
                onRoll = ceremony;
                gaps = """
                        [{"from": "1995-01-01", "until": "%s"}]""".formatted(latest);
            }
            default -> { // on the roll as probationary, full a year later
                first = LocalDate.of(2015, 9, 1).plusDays(n % 60);
                latest = first;
                ceremony = first.plusDays(20);
                full = ceremony.plusMonths(12).plusDays(3);
                onRoll = ceremony;
                if (n % 10 == 9 && host != null) {
                    attached++;
                    inForce = """
                            "attachment": {"transferId": "imp-t%d-%s", "hostOrgId": "%s", "since": "2026-08-03", \
                            "until": "2027-01-29", "trigger": "WORKPLACE_CHANGE"}, """.formatted(n, suffix, host);
                }
            }
        }
        if (full == null) {
            probationary++;
        } else {
            this.full++;
        }
        return """
                {"type": "member", "memberId": "imp-m%d-%s", "personId": "imp-p%d-%s", "homeOrgId": "%s", \
                "status": "%s", "firstAdmissionDecisionDate": "%s", "admissionDecisionDate": "%s", \
                "ceremonyDate": "%s", "fullMembershipDate": %s, "onRollSince": "%s", "partyAgeGaps": %s, \
                "cardNumber": "TĐ-%d", "badges": %s, %s"paperFileRef": "HS-%d/%s", \
                "person": {"fullName": "Trần Thị %d", "dateOfBirth": "%s", "gender": "FEMALE", "ethnicity": "01", \
                "religion": "NONE", "generalEducation": "UPPER_SECONDARY", "nationalId": "%012d"}}\
                """.formatted(n, suffix, n, suffix, branch, full == null ? "PROBATIONARY" : "FULL", first, latest,
                ceremony, full == null ? "null" : "\"" + full + "\"", onRoll, gaps, n, badges, inForce, n, branch, n,
                first.minusYears(25), nationalIds + n);
    }
}
