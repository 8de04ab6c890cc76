package vn.partyledger.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our time limits on reads, commands and event processors' batches, in place of Axon's, which are switched off
 * ({@code axon.timeout.enabled: false}, ADR 0072).
 */
@Configuration(proxyBeanMethods = false)
public class TimeLimitConfiguration {

    @Bean
    public TimeLimits timeLimits(TimeLimitProperties properties) {
        return new TimeLimits(properties);
    }

    @Bean
    public InitializingBean readAndCommandTimeLimits(QueryBus queryBus, CommandBus commandBus, TimeLimits limits) {
        return () -> {
            queryBus.registerHandlerInterceptor(limits.onQueries());
            commandBus.registerHandlerInterceptor(limits.onCommands());
        };
    }

    @Bean
    public ConfigurerModule eventBatchTimeLimits(TimeLimits limits) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((axon, processor) -> limits.onEventBatches(processor));
    }
}
