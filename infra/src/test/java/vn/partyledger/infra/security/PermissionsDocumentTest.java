package vn.partyledger.infra.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/permissions.md is the reading of the code table: each message's roles there are the roles here. */
class PermissionsDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "permissions.md");
    /** A table row: | `Message` | endpoint | roles | … */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][a-z][A-Za-z]*)` \\| [^|]+ \\| ([^|]+) \\|");

    @Test
    void everyMessageOfTheCodeTableIsDocumentedWithTheSameRoles() throws IOException {
        PermissionTable table = new PermissionTable();
        Map<String, Set<Role>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(DOCUMENT)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.put(row.group(1), roles(row.group(2)));
            }
        }
        Map<String, Set<Role>> coded = new TreeMap<>();
        table.messageTypes().forEach(type -> coded.put(type.getSimpleName(), table.of(type).orElseThrow().roles()));

        assertThat(documented).isEqualTo(coded);
    }

    private static Set<Role> roles(String column) {
        return Arrays.stream(column.split(","))
                .map(String::trim)
                .map(name -> Role.named(name).orElseThrow(() -> new AssertionError("no role " + name)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
