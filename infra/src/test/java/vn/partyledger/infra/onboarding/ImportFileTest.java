package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
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
 * The documented file format (docs/onboarding/) and the code agree: the example file reads without a refusal, and
 * the JSON Schema names exactly the fields the lines are read into, with the same codes.
 */
class ImportFileTest {

    private static final Path DOCS = Path.of("..", "docs", "onboarding");
    private final ObjectMapper strict = StrictRequestJson.of(JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theExampleFileReadsWithoutARefusal() throws IOException {
        ImportFile.Parsed parsed = ImportFile.parse(Files.readString(DOCS.resolve("example-province.jsonl")), strict,
                validator);

        assertThat(parsed.refusals()).isEmpty();
        assertThat(parsed.organisations()).hasSize(3);
        assertThat(parsed.members()).hasSize(4);
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndFieldAndReadingGoesOn() {
        ImportFile.Parsed parsed = ImportFile.parse("""
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
    void theSchemaNamesTheFieldsTheLinesAreReadInto() throws IOException {
        JsonNode defs = strict.readTree(Files.readString(DOCS.resolve("import-file.schema.json"))).get("$defs");

        assertThat(names(defs.at("/member/properties")))
                .isEqualTo(with(components(MemberLine.class), "type"));
        assertThat(names(defs.at("/organisation/properties")))
                .isEqualTo(with(components(OrganisationCommands.Establish.class), "type", "orgId"));
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
