package vn.partyledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.domain.discipline.DisciplinePolicy;

/** The numbers the leaving and discipline rules read (ADR 0013). */
@Configuration(proxyBeanMethods = false)
public class DisciplineConfiguration {

    @Bean
    public DisciplinePolicy disciplinePolicy(DisciplineRulesProperties rules) {
        return rules.toPolicy();
    }
}
