package vn.partyledger.infra.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CSV file's rows (RFC 4180, UTF-8, comma-separated): a header row names each column by the path of its field in a
 * line — a dot between an object and its field, a number from 0 for an item of a list ({@code person.fullName},
 * {@code badges.0.level}, {@code leadership.deputyMemberIds.1}) — and each further row is one line of the file. A row
 * becomes the JSON object its non-empty cells fill, so it is read into the same line, through the same checks, as a
 * line of JSON Lines; an empty cell states nothing. CSV has no types: a cell is text, read as a number or as
 * true/false where the field is one. A quoted cell may hold commas, quotes (doubled) and line breaks; a row is
 * numbered by the line it starts on.
 */
final class CsvRows {

    /** A name, then names or list positions (at most 99, so a column cannot make a list of millions). */
    private static final Pattern COLUMN =
            Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.([A-Za-z][A-Za-z0-9]*|[0-9]{1,2}))*");

    private enum Shape {
        VALUE("a value"), OBJECT("an object"), LIST("a list");

        private final String words;

        Shape(String words) {
            this.words = words;
        }
    }

    private record Row(int line, List<String> cells) {

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private CsvRows() {
    }

    static ImportFile.Rows read(String content, ObjectMapper strict) {
        ObjectMapper textAsScalars = textAsScalars(strict);
        List<LineRefusal> refusals = new ArrayList<>();
        List<Row> rows = rows(content.startsWith("\uFEFF") ? content.substring(1) : content, refusals).stream()
                .filter(row -> !row.blank()).toList();
        List<ImportFile.Numbered<JsonNode>> lines = new ArrayList<>();
        if (rows.isEmpty()) {
            return new ImportFile.Rows(0, lines, refusals, textAsScalars);
        }
        Row header = rows.get(0);
        List<String[]> columns = columns(header, refusals);
        for (Row row : rows.subList(1, rows.size())) {
            if (columns.isEmpty()) {
                break;
            }
            if (row.cells().size() != columns.size()) {
                refusals.add(new LineRefusal(row.line(), null, "INVALID_INPUT", null, "the row has "
                        + row.cells().size() + " cells where the header names " + columns.size() + " columns"));
                continue;
            }
            ObjectNode line = textAsScalars.createObjectNode();
            for (int column = 0; column < columns.size(); column++) {
                if (!row.cells().get(column).isBlank()) {
                    put(line, columns.get(column), row.cells().get(column));
                }
            }
            lines.add(new ImportFile.Numbered<>(row.line(), line));
        }
        return new ImportFile.Rows(rows.size() - 1, lines, refusals, textAsScalars);
    }

    /** The strict request mapper, but for text standing for a number or a yes/no: the only form a cell has. */
    private static ObjectMapper textAsScalars(ObjectMapper strict) {
        ObjectMapper mapper = strict.copy();
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean).forEach(type ->
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
        return mapper;
    }

    /**
     * The header's columns as paths, or none when the header is refused: each a path as above, once, with a type
     * column, and no path both a value and an object or list, or an object and a list.
     */
    private static List<String[]> columns(Row header, List<LineRefusal> refusals) {
        Map<String, Shape> shapes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String[]> columns = new ArrayList<>();
        for (String cell : header.cells()) {
            String column = cell.strip();
            String problem = !COLUMN.matcher(column).matches() ? "is not a field's path (names and list positions"
                    + " joined by dots, e.g. person.fullName or badges.0.level)"
                    : !seen.add(column) ? "is named twice"
                    : shapeConflict(column.split("\\."), shapes);
            if (problem != null) {
                refusals.add(new LineRefusal(header.line(), column, "INVALID_INPUT", null,
                        "the header's column \"" + column + "\" " + problem + "; no row is read"));
                return List.of();
            }
            columns.add(column.split("\\."));
        }
        if (!seen.contains("type")) {
            refusals.add(new LineRefusal(header.line(), "type", "INVALID_INPUT", null,
                    "the header names no type column (organisation or member); no row is read"));
            return List.of();
        }
        return columns;
    }

    private static String shapeConflict(String[] path, Map<String, Shape> shapes) {
        StringBuilder prefix = new StringBuilder();
        for (int segment = 0; segment < path.length; segment++) {
            prefix.append(segment == 0 ? "" : ".").append(path[segment]);
            Shape shape = segment == path.length - 1 ? Shape.VALUE
                    : isPosition(path[segment + 1]) ? Shape.LIST : Shape.OBJECT;
            Shape earlier = shapes.putIfAbsent(prefix.toString(), shape);
            if (earlier != null && earlier != shape) {
                return "makes " + prefix + " " + shape.words + " where another column made it " + earlier.words;
            }
        }
        return null;
    }

    /** Puts the cell's text at the column's path, making the objects and lists on the way. */
    private static void put(ObjectNode line, String[] path, String text) {
        JsonNode container = line;
        for (int segment = 0; segment < path.length; segment++) {
            boolean last = segment == path.length - 1;
            JsonNode child = last ? TextNode.valueOf(text)
                    : isPosition(path[segment + 1]) ? line.arrayNode() : line.objectNode();
            if (container instanceof ObjectNode object) {
                JsonNode existing = object.get(path[segment]);
                container = existing != null ? existing : child;
                object.set(path[segment], container);
            } else {
                ArrayNode list = (ArrayNode) container;
                int position = Integer.parseInt(path[segment]);
                while (list.size() <= position) {
                    list.addNull();
                }
                container = list.get(position).isNull() ? child : list.get(position);
                list.set(position, container);
            }
        }
    }

    private static boolean isPosition(String segment) {
        return Character.isDigit(segment.charAt(0));
    }

    /** RFC 4180 records, each with the line it starts on; a quoted cell left open is refused with its row. */
    private static List<Row> rows(String content, List<LineRefusal> refusals) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int at = 0; at < content.length(); at++) {
            char c = content.charAt(at);
            if (quoted) {
                if (c == '"' && at + 1 < content.length() && content.charAt(at + 1) == '"') {
                    cell.append('"');
                    at++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                at += c == '\r' && at + 1 < content.length() && content.charAt(at + 1) == '\n' ? 1 : 0;
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(start, List.copyOf(cells)));
                cells.clear();
                start = ++line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            refusals.add(new LineRefusal(start, null, "INVALID_INPUT", null,
                    "a quoted cell opened on this row is not closed by the end of the file"));
        } else if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return rows;
    }
}
