package vn.partyledger.command.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code docs/rules.md}, the main sources and the test sources as text and lists what does not agree: a code of
 * the enum missing from the catalogue or the reverse, a code a test expects that the enum lacks, a rule without an
 * accepting and a refusing test, and the "not enforced yet" list out of step with the code and the catalogue.
 *
 * <p>A test is a method annotated {@code @Test} (or parameterized), read up to the next one. It <b>refuses</b> code
 * X when it expects a refusal naming X ({@code Violation.of("X", …)}, or a 422 problem with code "X"), or when its
 * {@code @DisplayName} starts with X (e.g. {@code "I5: …"}, {@code "I13, PARTY_CARD_NOT_LOST: …"}) and it expects a
 * {@code RuleViolation} of any code. It <b>accepts</b> X when its display name starts with X and it expects no
 * refusal at all.
 */
final class RulesCatalogue {

    static final Pattern ANCHOR = Pattern.compile("<a id=\"([A-Z][A-Z0-9_]*)\"></a>");
    static final String NOT_ENFORCED = "Not enforced yet";
    private static final Pattern TEST_START =
            Pattern.compile("^[ \\t]*@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b", Pattern.MULTILINE);
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"([^\"]*)\"\\)");
    private static final Pattern NAMED_CODES = Pattern.compile("^([A-Z][A-Z0-9_]*(?:\\s*,\\s*[A-Z][A-Z0-9_]*)*):");
    private static final Pattern ANY_REFUSAL = Pattern.compile(
            "Violation\\.of\\(|expectException\\(|RuleViolation\\.class|assertProblem\\([^;]*\\b422\\b");
    private static final Pattern VIOLATION_CODE = Pattern.compile("Violation\\.of\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    /** A 422 problem may carry a code that is no rule (e.g. IDEMPOTENCY_KEY_REUSED): it proves a rule, never fails. */
    private static final Pattern PROBLEM_CODE = Pattern.compile("assertProblem\\([^;]*\\b422\\b[^;]*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern USED_CODE = Pattern.compile("\\bInvariant\\.([A-Z][A-Z0-9_]*)\\b");

    record TestCase(String where, Set<String> named, Set<String> expectedCodes, Set<String> problemCodes,
                    boolean expectsRefusal) {

        boolean refuses(String code) {
            return expectedCodes.contains(code) || problemCodes.contains(code)
                    || (named.contains(code) && expectsRefusal);
        }

        boolean accepts(String code) {
            return named.contains(code) && !expectsRefusal;
        }
    }

    private RulesCatalogue() {
    }

    /** The codes the catalogue has an entry for, in order. */
    static Set<String> catalogueCodes(String markdown) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = ANCHOR.matcher(markdown);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** The catalogue's entries that say they are not enforced yet: the text from one anchor to the next. */
    static Set<String> notEnforcedInCatalogue(String markdown) {
        Set<String> codes = new TreeSet<>();
        Matcher m = ANCHOR.matcher(markdown);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : markdown.length();
            int nextHeading = markdown.indexOf("\n## ", spans.get(i)[0]);
            if (nextHeading >= 0 && nextHeading < end) {
                end = nextHeading;
            }
            if (markdown.substring(spans.get(i)[0], end).contains(NOT_ENFORCED)) {
                codes.add(names.get(i));
            }
        }
        return codes;
    }

    /** Every {@code Invariant.X} the main sources name. */
    static Set<String> codesUsed(Map<String, String> mainSources) {
        Set<String> used = new TreeSet<>();
        mainSources.forEach((file, source) -> {
            if (!file.endsWith("/Invariant.java")) {
                Matcher m = USED_CODE.matcher(source);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        });
        return used;
    }

    static List<TestCase> testCases(String file, String source) {
        List<TestCase> cases = new ArrayList<>();
        Matcher start = TEST_START.matcher(source);
        List<Integer> starts = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            String body = source.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : source.length());
            Set<String> named = new TreeSet<>();
            Matcher display = DISPLAY_NAME.matcher(body);
            if (display.find()) {
                Matcher codes = NAMED_CODES.matcher(display.group(1));
                if (codes.find()) {
                    for (String code : codes.group(1).split(",")) {
                        named.add(code.trim());
                    }
                }
            }
            Set<String> expected = new TreeSet<>();
            Matcher e = VIOLATION_CODE.matcher(body);
            while (e.find()) {
                expected.add(e.group(1));
            }
            Set<String> problems = new TreeSet<>();
            Matcher p = PROBLEM_CODE.matcher(body);
            while (p.find()) {
                problems.add(p.group(1));
            }
            String where = file.substring(file.lastIndexOf('/') + 1).replace(".java", "") + " line "
                    + (source.substring(0, starts.get(i)).split("\n", -1).length);
            cases.add(new TestCase(where, named, expected, problems, ANY_REFUSAL.matcher(body).find()));
        }
        return cases;
    }

    /**
     * Everything that does not agree, one line each; empty when the catalogue, the enum, the code and the tests agree.
     *
     * @param enumCodes      the codes of {@code Invariant}
     * @param notEnforcedYet {@code Invariant.NOT_ENFORCED_YET}
     */
    static List<String> problems(Collection<String> enumCodes, Collection<String> notEnforcedYet, String markdown,
                                 Map<String, String> mainSources, Map<String, String> testSources) {
        List<String> problems = new ArrayList<>();
        Set<String> catalogued = catalogueCodes(markdown);
        for (String code : enumCodes) {
            if (!catalogued.contains(code)) {
                problems.add(code + " is in the Invariant enum but has no entry in the catalogue");
            }
        }
        for (String code : catalogued) {
            if (!enumCodes.contains(code)) {
                problems.add(code + " has an entry in the catalogue but is not in the Invariant enum");
            }
        }
        Set<String> used = codesUsed(mainSources);
        for (String code : used) {
            if (!catalogued.contains(code)) {
                problems.add(code + " is used in the code but has no entry in the catalogue");
            }
        }
        List<TestCase> cases = new ArrayList<>();
        testSources.forEach((file, source) -> cases.addAll(testCases(file, source)));
        for (TestCase test : cases) {
            for (String code : test.expectedCodes()) {
                if (!enumCodes.contains(code)) {
                    problems.add(test.where() + " expects a refusal " + code + " that the Invariant enum lacks");
                }
            }
        }
        Set<String> saysNotEnforced = notEnforcedInCatalogue(markdown);
        for (String code : enumCodes) {
            boolean pending = notEnforcedYet.contains(code);
            if (pending) {
                if (used.contains(code)) {
                    problems.add(code + " is listed as not enforced yet but the code enforces it: take it off the list");
                }
                if (!saysNotEnforced.contains(code)) {
                    problems.add(code + " is not enforced yet but its catalogue entry does not say \"" + NOT_ENFORCED
                            + "\"");
                }
                continue;
            }
            if (saysNotEnforced.contains(code)) {
                problems.add(code + "'s catalogue entry says \"" + NOT_ENFORCED
                        + "\" but the code is not on Invariant.NOT_ENFORCED_YET");
            }
            if (!used.contains(code)) {
                problems.add(code + " is enforced nowhere in the main code");
            }
            if (cases.stream().noneMatch(t -> t.accepts(code))) {
                problems.add(code + " has no accepting test (a test whose display name starts with \"" + code
                        + ":\" and that expects no refusal)");
            }
            if (cases.stream().noneMatch(t -> t.refuses(code))) {
                problems.add(code + " has no refusing test (a test that expects a refusal with code " + code + ")");
            }
        }
        return problems;
    }

    private static final Pattern ENFORCED_BY_LINE = Pattern.compile("(?m)^- \\*\\*Enforced by:\\*\\*(.*)$");
    private static final Pattern CLASS_AND_RULE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

    /**
     * The one hop from the catalogue to the code, checked both ways: every {@code Class#rule} an entry's <i>Enforced
     * by</i> line names is a rule that class writes next to a code, and every rule a class writes next to a code is
     * named by some entry. One line per disagreement.
     */
    static List<String> enforcedByProblems(String markdown, Map<String, String> mainSources) {
        Set<String> catalogued = new TreeSet<>();
        Matcher lines = ENFORCED_BY_LINE.matcher(markdown);
        while (lines.find()) {
            Matcher pairs = CLASS_AND_RULE.matcher(lines.group(1));
            while (pairs.find()) {
                catalogued.add(pairs.group(1) + "#" + pairs.group(2));
            }
        }
        Set<String> inCode = new TreeSet<>();
        mainSources.forEach((file, source) -> {
            String type = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
            RuleNames.ruleNames(source).forEach(rule -> inCode.add(type + "#" + rule));
        });
        List<String> problems = new ArrayList<>();
        for (String pair : catalogued) {
            if (!inCode.contains(pair)) {
                problems.add(pair + " is named in the catalogue, but that class refuses with no such rule");
            }
        }
        for (String pair : inCode) {
            if (!catalogued.contains(pair)) {
                problems.add(pair + " refuses in the code, but no catalogue entry names it under Enforced by");
            }
        }
        return problems;
    }

    /** The repository's root, found from the module directory the tests run in. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("adr"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every .java file under the given directories, by path relative to the root. */
    static Map<String, String> javaSources(Path root, String... dirs) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String dir : dirs) {
            Path base = root.resolve(dir);
            if (!Files.isDirectory(base)) {
                throw new IllegalStateException("missing source directory " + base);
            }
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sources.put(
                        root.relativize(p).toString().replace('\\', '/'), read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
