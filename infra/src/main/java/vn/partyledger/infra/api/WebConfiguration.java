package vn.partyledger.infra.api;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Request bodies are read strictly (see {@link StrictRequestJson}); responses are written as before. The converter
     * is replaced, not changed: Boot shares its instance with the HTTP clients it builds.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter instanceof MappingJackson2HttpMessageConverter json
                ? new MappingJackson2HttpMessageConverter(StrictRequestJson.of(json.getObjectMapper()))
                : converter);
    }

    /**
     * A request's {@code @PastOrPresent} dates are judged on the application's clock, in Vietnam, so the request and
     * the rules agree on today (BUSINESS_DATE_NOT_IN_THE_FUTURE): on the server's own zone a date that is already today
     * in Hà Nội would be refused until midnight there reached the server.
     */
    @Bean
    static ValidationConfigurationCustomizer requestDatesOnTheApplicationsClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestContextResolver());
    }
}
