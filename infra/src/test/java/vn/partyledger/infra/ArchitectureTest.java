package vn.partyledger.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module dependency rule of DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.partyledger");
    }

    @Test
    @DisplayName("the domain language uses no Spring, Mongo or Kafka")
    void theDomainLanguageUsesNoSpringMongoOrKafka() {
        noClasses().that().resideInAPackage("vn.partyledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "vn.partyledger.command..", "vn.partyledger.query..", "vn.partyledger.infra..")
                .check(classes);
    }

    @Test
    @DisplayName("the command side and the query side never see each other")
    void theCommandSideAndTheQuerySideNeverSeeEachOther() {
        noClasses().that().resideInAPackage("vn.partyledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.partyledger.query..", "vn.partyledger.infra..")
                .check(classes);
        noClasses().that().resideInAPackage("vn.partyledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.partyledger.command..", "vn.partyledger.infra..")
                .check(classes);
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
