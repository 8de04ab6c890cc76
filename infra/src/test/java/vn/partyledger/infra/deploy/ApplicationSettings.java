package vn.partyledger.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.axonframework.updates.configuration.EnvironmentVariableUsagePropertyProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * The settings the application reads, found in its code rather than listed by hand: every leaf of every
 * {@code @ConfigurationProperties} record under {@code vn.partyledger}, every {@code @Value} placeholder there, the
 * environment variables application.yml reads directly ({@code ${MONGODB_URI:}}), and Axon's own switch of its update
 * checker. An environment variable is one of them when Spring's relaxed binding maps it onto one
 * ({@code PARTYLEDGER_INTEGRATION_REPLICAS} → {@code partyledger.integration.replicas}).
 */
final class ApplicationSettings {

    private static final String BASE_PACKAGE = "vn.partyledger";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final Set<ConfigurationPropertyName> properties;
    private final Set<String> variablesReadDirectly;

    private ApplicationSettings(Set<ConfigurationPropertyName> properties, Set<String> variablesReadDirectly) {
        this.properties = properties;
        this.variablesReadDirectly = variablesReadDirectly;
    }

    static ApplicationSettings read() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : classes()) {
            ConfigurationProperties bound = AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
            if (bound != null && type.isRecord()) {
                addLeaves(bound.prefix(), type, names);
            }
            valuePlaceholders(type).forEach(names::add);
        }
        Set<ConfigurationPropertyName> properties = new HashSet<>();
        names.stream().filter(ConfigurationPropertyName::isValid).map(ConfigurationPropertyName::of)
                .forEach(properties::add);
        Set<String> direct = new TreeSet<>(applicationYmlVariables());
        direct.add(EnvironmentVariableUsagePropertyProvider.DISABLED_KEY);
        return new ApplicationSettings(properties, direct);
    }

    /** Whether the application reads the environment variable {@code name}. */
    boolean reads(String name) {
        if (variablesReadDirectly.contains(name)) {
            return true;
        }
        ConfigurationPropertySource source = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, "set"))).iterator().next();
        return properties.stream().anyMatch(property -> source.getConfigurationProperty(property) != null);
    }

    /** A record's components, kebab-cased under its prefix; a component that is itself a record is descended into. */
    private static void addLeaves(String prefix, Class<?> record, Set<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                addLeaves(name, component.getType(), names);
            } else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Stream<String> valuePlaceholders(Class<?> type) {
        Stream<AnnotatedElement> parameters = Stream.concat(Arrays.stream(type.getDeclaredConstructors()),
                                                            Arrays.stream(type.getDeclaredMethods()))
                .flatMap(executable -> Arrays.stream(((Executable) executable).getParameters()));
        return Stream.concat(Stream.concat(parameters, Arrays.stream(type.getDeclaredFields())),
                             Arrays.stream(type.getDeclaredMethods()))
                .map(element -> element.getAnnotation(Value.class))
                .filter(Objects::nonNull)
                .flatMap(value -> matches(PLACEHOLDER, value.value()));
    }

    private static Set<String> applicationYmlVariables() {
        try {
            String yml = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
            return new TreeSet<>(matches(ENVIRONMENT_PLACEHOLDER, yml).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> matches(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1));
    }

    /** Every class of the application's packages (loaded, not initialised). */
    private static Set<Class<?>> classes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        // the application's classes, not the tests': a setting only a test reads is no setting of the application
        scanner.addIncludeFilter((reader, factory) -> !reader.getResource().getURL().toString().contains("/test-classes/"));
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
            try {
                classes.add(ClassUtils.forName(definition.getBeanClassName(), ApplicationSettings.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + definition.getBeanClassName(), e);
            }
        }
        return classes;
    }
}
