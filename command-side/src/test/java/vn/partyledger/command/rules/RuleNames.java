package vn.partyledger.command.rules;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal names its rule by a string; this keeps the string honest. Wherever a rule name is written next to its
 * code ({@code new RuleViolation(code, "name", …)} or {@code helper(Invariant.X, "name", …)}), the name must be the
 * name of a method declared by the class whose source writes it (or one of its nested classes), so renaming the rule
 * method without its name, or the reverse, fails a test.
 */
final class RuleNames {

    private static final Pattern RULE_NAME = Pattern.compile(
            "(?:new\\s+RuleViolation\\(\\s*[^,\"()]+|\\bInvariant\\.[A-Z][A-Z0-9_]*)\\s*,\\s*\"([A-Za-z0-9]+)\"");

    private RuleNames() {
    }

    /** The rule names a source writes next to a code. */
    static List<String> ruleNames(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = RULE_NAME.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Methods declared by a class and its nested classes. */
    static Set<String> methodNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            names.add(method.getName());
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            names.addAll(methodNames(nested));
        }
        return names;
    }

    /** The top-level class a source file under {@code src/main/java/} declares. */
    static Class<?> classOf(String file) {
        String name = file.substring(file.indexOf("src/main/java/") + "src/main/java/".length())
                .replace(".java", "").replace('/', '.');
        try {
            return Class.forName(name, false, RuleNames.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class for " + file, e);
        }
    }

    /** Each rule name that is not a method of the class that writes it, as "File: name". */
    static List<String> problems(Map<String, String> mainSources) {
        List<String> problems = new ArrayList<>();
        mainSources.forEach((file, source) -> {
            List<String> names = ruleNames(source);
            if (names.isEmpty()) {
                return;
            }
            Set<String> methods = methodNames(classOf(file));
            for (String name : names) {
                if (!methods.contains(name)) {
                    problems.add(file.substring(file.lastIndexOf('/') + 1) + ": rule \"" + name
                            + "\" is not a method of this class");
                }
            }
        });
        return problems;
    }
}
