package vn.partyledger.infra.deploy;

import java.io.IOException;
import java.util.Map;

import com.mongodb.ConnectionString;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import vn.partyledger.infra.config.PartyLedgerProperties;

/**
 * One application node of a deployment file, seen as the application sees it: the node's environment variables as the
 * whole system environment, application.yml beneath, nothing of the JVM running the test.
 *
 * @param name      the service or workload that runs it
 * @param variables every environment variable the file gives it
 */
record ApplicationNode(String name, Map<String, String> variables) {

    ApplicationNode {
        variables = Map.copyOf(variables);
    }

    <T> T bind(String prefix, Class<T> type) {
        return Binder.get(environment()).bindOrCreate(prefix, type);
    }

    PartyLedgerProperties partyLedger() {
        return PartyLedgerProperties.bind(environment());
    }

    ConnectionString mongoUri() {
        return new ConnectionString(partyLedger().mongodb().uri());
    }

    StandardEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        applyTo(environment);
        return environment;
    }

    void applyTo(ConfigurableEnvironment environment) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new IllegalStateException("application.yml cannot be read", e);
        }
    }
}
