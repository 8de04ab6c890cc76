package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import vn.partyledger.infra.api.OrganisationCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import file read line by line, in either form ({@link ImportFormat}): each row is a JSON object whose
 * {@code type} is {@code "organisation"} or {@code "member"}, read as strictly as a request body is and checked with
 * the same constraints; a line that cannot be read is refused with its number and field, and reading goes on, so one
 * pass reports every bad line.
 */
final class ImportFile {

    static final String ORGANISATION = "organisation";
    static final String MEMBER = "member";
    private static final String LEADERSHIP = "leadership";
    /** The file's organisation fields are the establish body's, not nested under it as the line's record holds them. */
    private static final String ESTABLISHMENT = "establishment.";

    record Numbered<T>(int line, T value) {
    }

    /** A file's rows as its form reads them: how many lines it has, the rows read, the refused, and their mapper. */
    record Rows(int lines, List<Numbered<JsonNode>> rows, List<LineRefusal> refusals, ObjectMapper mapper) {
    }

    record Parsed(int lines, List<Numbered<OrganisationLine>> organisations, List<Numbered<MemberLine>> members,
                  List<LineRefusal> refusals) {
    }

    private ImportFile() {
    }

    static Parsed parse(ImportFormat format, String content, ObjectMapper strict, Validator validator) {
        Rows rows = format.rows(content, strict);
        List<Numbered<OrganisationLine>> organisations = new ArrayList<>();
        List<Numbered<MemberLine>> members = new ArrayList<>();
        List<LineRefusal> refusals = new ArrayList<>(rows.refusals());
        for (Numbered<JsonNode> row : rows.rows()) {
            int number = row.line();
            JsonNode node = row.value();
            try {
                String type = node.isObject() ? node.path("type").asText("") : "";
                if (type.equals(ORGANISATION)) {
                    organisations.add(new Numbered<>(number, valid(number, organisation((ObjectNode) node,
                            rows.mapper()), validator, refusals)));
                } else if (type.equals(MEMBER)) {
                    ObjectNode fields = ((ObjectNode) node).deepCopy();
                    fields.remove("type");
                    members.add(new Numbered<>(number, valid(number, rows.mapper().treeToValue(fields,
                            MemberLine.class), validator, refusals)));
                } else {
                    refusals.add(new LineRefusal(number, "type", "INVALID_INPUT", null,
                            "each line is an object whose type is \"organisation\" or \"member\""));
                }
            } catch (JsonMappingException e) {
                refusals.add(new LineRefusal(number, path(e), "INVALID_INPUT", null, e.getOriginalMessage()));
            } catch (JsonProcessingException e) {
                refusals.add(new LineRefusal(number, null, "INVALID_INPUT", null, e.getOriginalMessage()));
            }
        }
        organisations.removeIf(line -> line.value() == null);
        members.removeIf(line -> line.value() == null);
        return new Parsed(rows.lines(), organisations, members, refusals);
    }

    /**
     * The organisation's own fields are those of the establish endpoint; {@code orgId} and {@code type} frame them,
     * and {@code leadership} is the record-leadership-election endpoint's body, whose lists of deputies and committee
     * members default to none (a CSV file cannot state an empty list).
     */
    private static OrganisationLine organisation(ObjectNode node, ObjectMapper mapper) throws JsonProcessingException {
        ObjectNode fields = node.deepCopy();
        fields.remove("type");
        JsonNode orgId = fields.remove("orgId");
        JsonNode leadership = fields.remove(LEADERSHIP);
        return new OrganisationLine(orgId == null || orgId.isNull() ? null : orgId.asText(),
                mapper.treeToValue(fields, OrganisationCommands.Establish.class),
                leadership == null ? null : leadership(leadership, mapper));
    }

    private static OrganisationCommands.LeadershipElection leadership(JsonNode node, ObjectMapper mapper)
            throws JsonMappingException {
        try {
            if (node.isObject()) {
                ((ObjectNode) node).putIfAbsent("deputyMemberIds", mapper.createArrayNode());
                ((ObjectNode) node).putIfAbsent("committeeMemberIds", mapper.createArrayNode());
            }
            return mapper.treeToValue(node, OrganisationCommands.LeadershipElection.class);
        } catch (JsonProcessingException e) {
            throw JsonMappingException.wrapWithPath(e, node, LEADERSHIP);
        }
    }

    /** The line's value, or null once its constraint violations are refused. */
    private static <T> T valid(int number, T value, Validator validator, List<LineRefusal> refusals) {
        List<ConstraintViolation<T>> violations = List.copyOf(validator.validate(value));
        violations.stream().map(violation -> new LineRefusal(number, field(violation), "INVALID_INPUT", null,
                        violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .forEach(refusals::add);
        return violations.isEmpty() ? value : null;
    }

    /** The field's path in the file, as a CSV column names it: names and list positions joined by dots. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> segments = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                segments.add(String.valueOf(node.getIndex()));
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                segments.add(node.getName());
            }
        }
        String path = String.join(".", segments);
        return path.startsWith(ESTABLISHMENT) ? path.substring(ESTABLISHMENT.length()) : path;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }
}
