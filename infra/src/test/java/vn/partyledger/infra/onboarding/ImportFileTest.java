package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import vn.partyledger.domain.discipline.DisciplineForm;
import vn.partyledger.domain.exemption.ExemptionReason;
import vn.partyledger.domain.member.ViolationCategory;
import vn.partyledger.domain.transfer.TransferTrigger;
import vn.partyledger.infra.api.OrganisationCommands;
import vn.partyledger.infra.api.StrictRequestJson;
import vn.partyledger.infra.person.PersonalData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented file format (docs/onboarding/) and the code agree: the example file reads without a refusal, its CSV
 * form into the very same lines, and the JSON Schema names exactly the fields the lines are read into, with the same
 * codes. A CSV file is refused line by line as JSON Lines is, numbered by the CSV's own lines.
 */
class ImportFileTest {

    private static final Path DOCS = Path.of("..", "docs", "onboarding");
    private final ObjectMapper strict = StrictRequestJson.of(JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private ImportFile.Parsed example(String file, ImportFormat format) throws IOException {
        return ImportFile.parse(format, Files.readString(DOCS.resolve(file)), strict, validator);
    }

    @Test
    void theExampleFileReadsWithoutARefusal() throws IOException {
        ImportFile.Parsed parsed = example("example-province.jsonl", ImportFormat.JSON_LINES);

        assertThat(parsed.refusals()).isEmpty();
        assertThat(parsed.organisations()).hasSize(4);
        assertThat(parsed.members()).hasSize(7);
        assertThat(parsed.organisations()).filteredOn(line -> line.value().leadership() != null).hasSize(1);
        assertThat(parsed.members()).filteredOn(line -> line.value().exemption() != null).hasSize(1);
        assertThat(parsed.members()).filteredOn(line -> line.value().discipline() != null).hasSize(1);
        assertThat(parsed.members()).filteredOn(line -> line.value().attachment() != null).hasSize(1);
    }

    @Test
    void theExampleCsvReadsIntoTheSameLinesAsTheJsonLinesExample() throws IOException {
        ImportFile.Parsed lines = example("example-province.jsonl", ImportFormat.JSON_LINES);

        ImportFile.Parsed csv = example("example-province.csv", ImportFormat.CSV);

        assertThat(csv.refusals()).isEmpty();
        assertThat(csv.lines()).isEqualTo(lines.lines());
        assertThat(csv.organisations()).extracting(ImportFile.Numbered::value)
                .containsExactlyElementsOf(lines.organisations().stream().map(ImportFile.Numbered::value).toList());
        assertThat(csv.members()).extracting(ImportFile.Numbered::value)
                .containsExactlyElementsOf(lines.members().stream().map(ImportFile.Numbered::value).toList());
        assertThat(csv.members()).extracting(ImportFile.Numbered::line).as("numbered from the header, line 1")
                .startsWith(6);
    }

    @Test
    void theCommandLineReadsAFileNamedCsvAsCsvAndAnyOtherAsJsonLines() {
        assertThat(ImportFormat.ofFileName(Path.of("/data/Province.CSV"))).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.ofFileName(Path.of("province.jsonl"))).isEqualTo(ImportFormat.JSON_LINES);
        assertThat(ImportFormat.ofFileName(Path.of("csv", "province.ndjson"))).isEqualTo(ImportFormat.JSON_LINES);
    }

    @Test
    void aCsvRowIsRefusedWithItsOwnLineNumberAndFieldAndReadingGoesOn() {
        ImportFile.Parsed parsed = ImportFile.parse(ImportFormat.CSV, """
                type,orgId,name,kind,effectiveDate,decision.docNumber,badges.0.level,memberId
                organisation,kp9,"Chi bộ ""Khu phố"" 9,
                nhà văn hoá",SUBORDINATE_BRANCH,2010-13-01,,,

                member,,,,,,thirty,m9
                organisation,kp8,Chi bộ 8,SUBORDINATE_BRANCH,2010-01-04,1-QĐ/ĐU,,,extra
                """, strict, validator);

        assertThat(parsed.refusals()).extracting(LineRefusal::line, LineRefusal::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, "effectiveDate"),
                org.assertj.core.groups.Tuple.tuple(5, "badges.0.level"),
                org.assertj.core.groups.Tuple.tuple(6, null));
        assertThat(parsed.lines()).as("the header and the blank line are no lines of the file").isEqualTo(3);
    }

    @Test
    void aCsvHeaderThatNamesNoFieldClearlyIsRefusedAndNoRowIsRead() {
        ImportFile.Parsed parsed = ImportFile.parse(ImportFormat.CSV, """
                type,person,person.fullName
                member,x,Trần Thị Bình
                """, strict, validator);

        assertThat(parsed.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.line()).isEqualTo(1);
            assertThat(refusal.field()).isEqualTo("person.fullName");
            assertThat(refusal.message()).contains("made it a value");
        });
        assertThat(parsed.members()).isEmpty();
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndFieldAndReadingGoesOn() {
        ImportFile.Parsed parsed = ImportFile.parse(ImportFormat.JSON_LINES, """
                {"type": "member", "memberId": "m1", "status": "FULL"}

                {"type": "branch"}
                {"type": "organisation", "orgId": "kp1", "name": "Chi bộ", "kind": "SUBORDINATE_BRANCH", \
                "effectiveDate": "2010-13-01"}
                """, strict, validator);

        assertThat(parsed.refusals()).extracting(LineRefusal::line, LineRefusal::field)
                .contains(org.assertj.core.groups.Tuple.tuple(1, "ceremonyDate"),
                        org.assertj.core.groups.Tuple.tuple(3, "type"),
                        org.assertj.core.groups.Tuple.tuple(4, "effectiveDate"));
        assertThat(parsed.lines()).as("the blank line is skipped").isEqualTo(3);
    }

    @Test
    void aRefusedFieldIsNamedByItsPathInTheFileAsACsvColumnNamesIt() {
        ImportFile.Parsed parsed = ImportFile.parse(ImportFormat.JSON_LINES, """
                {"type": "organisation", "orgId": "kp9", "name": "", "kind": "SUBORDINATE_BRANCH", \
                "effectiveDate": "2010-01-04", "leadership": {"termStart": "2999-01-01", "secretaryMemberId": "m1", \
                "decision": {"docNumber": "1-QĐ/ĐU", "docDate": "2010-01-04", "issuingOrgId": "ward"}}}
                {"type": "member", "memberId": "m1", "personId": "p1", "homeOrgId": "kp9", "status": "FULL", \
                "firstAdmissionDecisionDate": "1990-01-15", "ceremonyDate": "1990-02-03", "badges": [null], \
                "exemption": {"reason": "WORKING_AWAY", "from": "2026-03-01"}, "paperFileRef": "HS-1"}
                """, strict, validator);

        assertThat(parsed.refusals()).extracting(LineRefusal::line, LineRefusal::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(1, "leadership.termStart"),
                org.assertj.core.groups.Tuple.tuple(1, "name"),
                org.assertj.core.groups.Tuple.tuple(2, "badges.0"),
                org.assertj.core.groups.Tuple.tuple(2, "exemption.kind"));
    }

    @Test
    void theSchemaNamesTheFieldsTheLinesAreReadInto() throws IOException {
        JsonNode defs = strict.readTree(Files.readString(DOCS.resolve("import-file.schema.json"))).get("$defs");

        assertThat(names(defs.at("/member/properties")))
                .isEqualTo(with(components(MemberLine.class), "type"));
        assertThat(names(defs.at("/organisation/properties")))
                .isEqualTo(with(components(OrganisationCommands.Establish.class), "type", "orgId", "leadership"));
        assertThat(names(defs.at("/leadership/properties")))
                .isEqualTo(components(OrganisationCommands.LeadershipElection.class));
        assertThat(names(defs.at("/exemption/properties"))).isEqualTo(components(MemberLine.Exemption.class));
        assertThat(names(defs.at("/discipline/properties"))).isEqualTo(components(MemberLine.Discipline.class));
        assertThat(names(defs.at("/attachment/properties"))).isEqualTo(components(MemberLine.Attachment.class));
        assertThat(codes(defs.at("/exemption/properties/reason/enum"))).isEqualTo(codesOf(ExemptionReason.class));
        assertThat(codes(defs.at("/discipline/properties/form/enum"))).isEqualTo(codesOf(DisciplineForm.class));
        assertThat(codes(defs.at("/discipline/properties/violationCategory/enum")))
                .isEqualTo(codesOf(ViolationCategory.class));
        assertThat(codes(defs.at("/attachment/properties/trigger/enum"))).isEqualTo(codesOf(TransferTrigger.class));
        assertThat(names(defs.at("/person/properties"))).isEqualTo(components(PersonalData.class));
        assertThat(codes(defs.at("/member/properties/status/enum"))).containsExactly("FULL", "PROBATIONARY");
        assertThat(codes(defs.at("/organisation/properties/kind/enum"))).isEqualTo(Arrays.stream(
                vn.partyledger.domain.organisation.OrganisationKind.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(codes(defs.at("/person/properties/religion/enum"))).isEqualTo(Arrays.stream(
                vn.partyledger.domain.person.Religion.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> codes(JsonNode values) {
        Set<String> codes = new TreeSet<>();
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            codes.add(it.next().asText());
        }
        return codes;
    }

    private static Set<String> codesOf(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(component -> component.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new TreeSet<>(names);
        all.addAll(Set.of(more));
        return all;
    }
}
