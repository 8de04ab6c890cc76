package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.partyledger.infra.api.OrganisationCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import file read line by line (JSON Lines: one object per line, {@code "type": "organisation"} or
 * {@code "member"}; blank lines are skipped). Each line is read as strictly as a request body is, and checked with the
 * same constraints; a line that cannot be read is refused with its number and field, and reading goes on, so one pass
 * reports every bad line.
 */
final class ImportFile {

    static final String ORGANISATION = "organisation";
    static final String MEMBER = "member";

    record Numbered<T>(int line, T value) {
    }

    record Parsed(int lines, List<Numbered<OrganisationLine>> organisations, List<Numbered<MemberLine>> members,
                  List<LineRefusal> refusals) {
    }

    private ImportFile() {
    }

    static Parsed parse(String content, ObjectMapper strict, Validator validator) {
        List<Numbered<OrganisationLine>> organisations = new ArrayList<>();
        List<Numbered<MemberLine>> members = new ArrayList<>();
        List<LineRefusal> refusals = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        int counted = 0;
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            counted++;
            int number = index + 1;
            try {
                JsonNode node = strict.readTree(lines[index]);
                String type = node.isObject() ? node.path("type").asText("") : "";
                if (type.equals(ORGANISATION)) {
                    organisations.add(new Numbered<>(number, valid(number, organisation((ObjectNode) node, strict),
                            validator, refusals)));
                } else if (type.equals(MEMBER)) {
                    ObjectNode fields = ((ObjectNode) node).deepCopy();
                    fields.remove("type");
                    members.add(new Numbered<>(number, valid(number, strict.treeToValue(fields, MemberLine.class),
                            validator, refusals)));
                } else {
                    refusals.add(new LineRefusal(number, "type", "INVALID_INPUT", null,
                            "each line is a JSON object whose type is \"organisation\" or \"member\""));
                }
            } catch (JsonMappingException e) {
                refusals.add(new LineRefusal(number, path(e), "INVALID_INPUT", null, e.getOriginalMessage()));
            } catch (JsonProcessingException e) {
                refusals.add(new LineRefusal(number, null, "INVALID_INPUT", null,
                        "not a JSON object: " + e.getOriginalMessage()));
            }
        }
        organisations.removeIf(line -> line.value() == null);
        members.removeIf(line -> line.value() == null);
        return new Parsed(counted, organisations, members, refusals);
    }

    /** The organisation's own fields are those of the establish endpoint; {@code orgId} and {@code type} frame them. */
    private static OrganisationLine organisation(ObjectNode node, ObjectMapper strict) throws JsonProcessingException {
        ObjectNode fields = node.deepCopy();
        fields.remove("type");
        JsonNode orgId = fields.remove("orgId");
        return new OrganisationLine(orgId == null || orgId.isNull() ? null : orgId.asText(),
                strict.treeToValue(fields, OrganisationCommands.Establish.class));
    }

    /** The line's value, or null once its constraint violations are refused. */
    private static <T> T valid(int number, T value, Validator validator, List<LineRefusal> refusals) {
        List<ConstraintViolation<T>> violations = List.copyOf(validator.validate(value));
        violations.stream().sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .forEach(violation -> refusals.add(new LineRefusal(number, violation.getPropertyPath().toString(),
                        "INVALID_INPUT", null, violation.getMessage())));
        return violations.isEmpty() ? value : null;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }
}
