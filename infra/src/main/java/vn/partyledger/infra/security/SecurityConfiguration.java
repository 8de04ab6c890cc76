package vn.partyledger.infra.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Duration;
import java.util.List;

/**
 * Every API call is authenticated; there are no anonymous writes. Health, metrics and the OpenAPI document stay open
 * for load balancers, scrapers and client generators. A JWT resource server is switched on by configuring an issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); configured users answer HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Only a web application has requests to filter; the command-line import runs without one. */
    @Bean
    @ConditionalOnWebApplication
    public SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                           ProblemRefusals entryPoint) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(jwt -> jwt.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint));
        }
        return http.build();
    }

    /**
     * HTTP Basic's password check, remembered for {@code partyledger.security.verified-credential-ttl} (default one
     * minute; 0 checks every request) so that a caller polling the API does not pay a bcrypt check per request. It is
     * the manager HTTP Basic falls back to once a bearer token's own provider declines the request. The users are
     * deliberately not a bean: Spring would then build its own manager from them, which checks the password before
     * ours is asked and re-encodes a {@code {noop}} or weaker password on every success.
     */
    @Bean
    public AuthenticationManager authenticationManager(SecurityProperties properties, PasswordEncoder passwordEncoder,
            @Value("${partyledger.security.verified-credential-ttl:1m}") Duration ttl) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users(properties));
        passwordCheck.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new VerifiedCredentials(passwordCheck, ttl, System::nanoTime));
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.role())
                        .build())
                .map(UserDetails.class::cast)
                .toList();
        if (properties.users().stream().anyMatch(user -> user.password().endsWith("local-only"))) {
            log.warn("The documented local-only users are active. Configure partyledger.security.users or a JWT "
                    + "issuer before this service holds real records.");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
