package vn.partyledger.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.partyledger.command.violating.CommandClassReadingAProjection;
import vn.partyledger.command.member.violating.MemberAskingAProcess;
import vn.partyledger.command.process.violating.AProcessAskingAMember;
import vn.partyledger.domain.violating.DomainClassUsingSpring;
import vn.partyledger.query.roster.BranchRosterProjection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module dependency rule of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.partyledger");
    }

    private static final ArchRule DOMAIN_IS_PURE = noClasses().that().resideInAPackage("vn.partyledger.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                    "vn.partyledger.command..", "vn.partyledger.query..", "vn.partyledger.infra..");

    private static final ArchRule COMMAND_SIDE_SEES_NO_QUERY_SIDE = noClasses()
            .that().resideInAPackage("vn.partyledger.command..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.partyledger.query..", "vn.partyledger.infra..");

    private static final ArchRule QUERY_SIDE_SEES_NO_COMMAND_SIDE = noClasses()
            .that().resideInAPackage("vn.partyledger.query..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.partyledger.command..", "vn.partyledger.infra..");

    /**
     * Each subject is a package (member, organisation, transfer; the processes that change several of them in one
     * unit of work are the fourth): a subject may look another up, but no two depend on each other, directly or round
     * a loop.
     */
    private static final ArchRule NO_PACKAGE_CYCLES = slices().matching("vn.partyledger.(*).(*)..")
            .should().beFreeOfCycles();

    private static final ArchRule SUBJECTS_SEE_NO_PROCESS = noClasses()
            .that().resideInAnyPackage("vn.partyledger.command.member..", "vn.partyledger.command.organisation..",
                    "vn.partyledger.command.transfer..")
            .should().dependOnClassesThat().resideInAPackage("vn.partyledger.command.process..");

    @Test
    @DisplayName("no two packages depend on each other, directly or round a loop")
    void noTwoPackagesDependOnEachOther() {
        NO_PACKAGE_CYCLES.check(classes);
    }

    @Test
    @DisplayName("an aggregate's package never reaches into the processes that use it")
    void anAggregatesPackageNeverReachesIntoTheProcessesThatUseIt() {
        SUBJECTS_SEE_NO_PROCESS.check(classes);
    }

    @Test
    @DisplayName("the domain language uses no Spring, Mongo or Kafka")
    void theDomainLanguageUsesNoSpringMongoOrKafka() {
        DOMAIN_IS_PURE.check(classes);
    }

    @Test
    @DisplayName("the command side and the query side never see each other")
    void theCommandSideAndTheQuerySideNeverSeeEachOther() {
        COMMAND_SIDE_SEES_NO_QUERY_SIDE.check(classes);
        QUERY_SIDE_SEES_NO_COMMAND_SIDE.check(classes);
    }

    @Test
    @DisplayName("the rules reject a class that breaks them")
    void theRulesRejectAClassThatBreaksThem() {
        JavaClasses violating = new ClassFileImporter().importClasses(DomainClassUsingSpring.class,
                CommandClassReadingAProjection.class, BranchRosterProjection.class, MemberAskingAProcess.class,
                AProcessAskingAMember.class);

        assertThatThrownBy(() -> DOMAIN_IS_PURE.check(violating)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DomainClassUsingSpring");
        assertThatThrownBy(() -> COMMAND_SIDE_SEES_NO_QUERY_SIDE.check(violating)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CommandClassReadingAProjection");
        assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(violating)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("MemberAskingAProcess");
        assertThatThrownBy(() -> SUBJECTS_SEE_NO_PROCESS.check(violating)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("MemberAskingAProcess");
    }

    @Test
    @DisplayName("the command side stays free of Spring, Mongo and Kafka")
    void theCommandSideStaysFreeOfSpringMongoAndKafka() {
        noClasses().that().resideInAPackage("vn.partyledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..")
                .check(classes);
    }
}
