package vn.partyledger.command.rules;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.shared.Invariant;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, the Invariant enum, the code and the tests agree; and the check itself can fail. */
class RulesCatalogueTest {

    private static final Path ROOT = RulesCatalogue.repositoryRoot();
    private static final List<String> ENUM = Arrays.stream(Invariant.values()).map(Invariant::code).toList();
    private static final List<String> PENDING = Invariant.NOT_ENFORCED_YET.stream().map(Invariant::code).toList();

    private static Map<String, String> main() {
        return RulesCatalogue.javaSources(ROOT, "core-domain/src/main/java", "command-side/src/main/java");
    }

    @Test
    @DisplayName("every rule in the catalogue is in the enum, used in the code, and has an accepting and a refusing test")
    void theCatalogueTheEnumTheCodeAndTheTestsAgree() {
        String catalogue = RulesCatalogue.read(ROOT.resolve(Invariant.CATALOGUE));
        Map<String, String> tests = new java.util.LinkedHashMap<>(RulesCatalogue.javaSources(ROOT,
                "core-domain/src/test/java", "command-side/src/test/java", "infra/src/test/java"));
        // the examples below are text, not tests of the rules: they must not count as proof of any rule
        tests.keySet().removeIf(file -> file.contains("/vn/partyledger/command/rules/"));

        assertThat(RulesCatalogue.problems(ENUM, PENDING, catalogue, main(), tests)).isEmpty();
        assertThat(RulesCatalogue.catalogueCodes(catalogue)).containsExactlyElementsOf(ENUM);
    }

    @Test
    @DisplayName("every rule name a refusal carries is a method of the class that names it")
    void everyRuleNameIsAMethodOfTheClassThatNamesIt() {
        assertThat(RuleNames.problems(main())).isEmpty();
    }

    @Test
    @DisplayName("every Class#rule the catalogue names refuses in that class, and every refusal in the code is catalogued")
    void everyEnforcedByLineLeadsToTheCodeAndBack() {
        String catalogue = RulesCatalogue.read(ROOT.resolve(Invariant.CATALOGUE));
        assertThat(RulesCatalogue.enforcedByProblems(catalogue, main())).isEmpty();
    }

    // The checks can fail: each case below breaks one thing and expects it reported.

    @Test
    @DisplayName("the one-hop check reports a catalogued rule the class lacks, and a refusal no entry names")
    void aStaleEnforcedByLineIsReported() {
        String catalogue = CATALOGUE.replace("### I1 — founded under a parent\n",
                "### I1 — founded under a parent\n- **Enforced by:** `Org#a`, `Org#moved`\n");
        assertThat(RulesCatalogue.enforcedByProblems(catalogue, MAIN)).containsExactly(
                "Org#moved is named in the catalogue, but that class refuses with no such rule",
                "Org#b refuses in the code, but no catalogue entry names it under Enforced by");
    }

    private static final String CATALOGUE = """
            ## Invariants
            <a id="I1"></a>
            ### I1 — founded under a parent
            <a id="I22"></a>
            ### I22 — graded once
            Not enforced yet.
            ## Named rules
            <a id="LEADERSHIP"></a>
            ### LEADERSHIP — leaders are full members
            """;
    private static final Map<String, String> MAIN = Map.of("x/src/main/java/Org.java",
            "throw new RuleViolation(Invariant.I1, \"a\", \"m\"); throw new RuleViolation(Invariant.LEADERSHIP, \"b\", \"m\");");
    private static final String ACCEPTS_I1 = """
                @Test
                @DisplayName("I1: a branch is founded")
                void founded() { fixture.when(x).expectEvents(y); }
            """;
    private static final String REFUSES_I1 = """
                @Test
                @DisplayName("I1: no parent, no branch")
                void refused() { fixture.when(x).expectException(Violation.of("I1", "a")); }
            """;
    private static final String ACCEPTS_LEADERSHIP = """
                @Test
                @DisplayName("LEADERSHIP, I22: a secretary is elected")
                void elected() { fixture.when(x).expectEvents(y); }
            """;
    private static final String REFUSES_LEADERSHIP = """
                @Test
                void notElected() { fixture.when(x).expectException(Violation.of("LEADERSHIP", "b")); }
            """;
    private static final List<String> CODES = List.of("I1", "I22", "LEADERSHIP");

    private static List<String> problems(List<String> codes, String catalogue, Map<String, String> main, String... tests) {
        return RulesCatalogue.problems(codes, List.of("I22"), catalogue, main,
                Map.of("t/FooTest.java", "class FooTest {\n" + String.join("\n", tests) + "}"));
    }

    @Test
    @DisplayName("the check passes a consistent example")
    void aConsistentExamplePasses() {
        assertThat(problems(CODES, CATALOGUE, MAIN, ACCEPTS_I1, REFUSES_I1, ACCEPTS_LEADERSHIP,
                REFUSES_LEADERSHIP)).isEmpty();
    }

    @Test
    @DisplayName("the check reports a rule with no refusing test, and one with no accepting test")
    void aRuleWithoutItsTestsIsReported() {
        assertThat(problems(CODES, CATALOGUE, MAIN, ACCEPTS_I1, REFUSES_LEADERSHIP))
                .containsExactly("I1 has no refusing test (a test that expects a refusal with code I1)",
                        "LEADERSHIP has no accepting test (a test whose display name starts with \"LEADERSHIP:\" and"
                                + " that expects no refusal)");
    }

    @Test
    @DisplayName("the check does not take a refusing test named for a rule as accepting it")
    void aRefusingTestDoesNotAccept() {
        assertThat(problems(CODES, CATALOGUE, MAIN, REFUSES_I1, ACCEPTS_LEADERSHIP,
                REFUSES_LEADERSHIP)).containsExactly("I1 has no accepting test (a test whose display name starts with"
                + " \"I1:\" and that expects no refusal)");
    }

    @Test
    @DisplayName("the check reports a code in the enum without a catalogue entry, and an entry the enum lacks")
    void catalogueAndEnumMustAgree() {
        List<String> codes = List.of("I1", "I22", "LEADERSHIP", "I2");
        String catalogue = CATALOGUE + "<a id=\"ORPHAN\"></a>\n### ORPHAN — nobody\n";
        assertThat(problems(codes, catalogue, MAIN, ACCEPTS_I1, REFUSES_I1, ACCEPTS_LEADERSHIP,
                REFUSES_LEADERSHIP)).contains(
                "I2 is in the Invariant enum but has no entry in the catalogue",
                "ORPHAN has an entry in the catalogue but is not in the Invariant enum",
                "I2 is enforced nowhere in the main code");
    }

    @Test
    @DisplayName("the check reports a code used in the code or expected by a test that the catalogue or enum lacks")
    void aCodeMissingFromTheCatalogueIsReported() {
        Map<String, String> main = Map.of("x/src/main/java/Org.java", MAIN.get("x/src/main/java/Org.java")
                + " throw new RuleViolation(Invariant.BRAND_NEW, \"c\", \"m\");");
        String refusesUnknown = """
                    @Test
                    void unknown() { fixture.when(x).expectException(Violation.of("NO_SUCH_CODE", "c")); }
                """;
        assertThat(problems(CODES, CATALOGUE, main, ACCEPTS_I1, REFUSES_I1, ACCEPTS_LEADERSHIP,
                REFUSES_LEADERSHIP, refusesUnknown)).containsExactly(
                "BRAND_NEW is used in the code but has no entry in the catalogue",
                "FooTest line 17 expects a refusal NO_SUCH_CODE that the Invariant enum lacks");
    }

    @Test
    @DisplayName("the check holds the not-enforced-yet list, the catalogue and the code in step")
    void theNotEnforcedListIsExplicit() {
        String saysNothing = CATALOGUE.replace("Not enforced yet.", "Graded once a cycle.");
        Map<String, String> enforces = Map.of("x/src/main/java/Org.java", MAIN.get("x/src/main/java/Org.java")
                + " throw new RuleViolation(Invariant.I22, \"d\", \"m\");");
        assertThat(problems(CODES, saysNothing, enforces, ACCEPTS_I1, REFUSES_I1, ACCEPTS_LEADERSHIP,
                REFUSES_LEADERSHIP)).containsExactly(
                "I22 is listed as not enforced yet but the code enforces it: take it off the list",
                "I22 is not enforced yet but its catalogue entry does not say \"Not enforced yet\"");
    }

    @Test
    @DisplayName("the rule-name check reports a name that is no method of the class that writes it")
    void aDriftedRuleNameIsReported() {
        Map<String, String> source = Map.of("core-domain/src/main/java/vn/partyledger/domain/shared/Invariant.java",
                "new RuleViolation(Invariant.RULE_SET, \"anchor\", \"m\"); helper(Invariant.I4, \"enforced\");"
                        + " new RuleViolation(code, \"renamedAway\", \"m\"); f(Invariant.I5, \"neverAMethod\");");
        assertThat(RuleNames.problems(source)).containsExactly(
                "Invariant.java: rule \"renamedAway\" is not a method of this class",
                "Invariant.java: rule \"neverAMethod\" is not a method of this class");
        assertThat(Set.copyOf(RuleNames.ruleNames("new RuleViolation(code, \"a\", \"m\"); f(Invariant.I4, \"b\");")))
                .containsExactlyInAnyOrder("a", "b");
    }
}
