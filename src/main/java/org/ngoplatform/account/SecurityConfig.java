package org.ngoplatform.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.ngoplatform.account.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Vaadin's client engine needs inline scripts and styles and eval (dev mode) and talks over the same
     * origin, including WebSocket push (CSP Level 3: 'self' covers ws: and wss: to the same host). Nothing may
     * frame the app.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessionRegistry,
                                           java.util.List<PersonalStartPage> personalStarts,
                                           @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/images/**").permitAll());
        http.addFilterBefore(new LoginOriginFilter(publicUrl), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults()));
        // Sessions are registered (no limit on how many) so that a password change can sign out the others.
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1).sessionRegistry(sessionRegistry));
        // Views decide access themselves (Vaadin's navigation access control); an unknown address must reach
        // the router's friendly "not found" page instead of being sent to the login page.
        // Where a sign-in lands by role, when no page was asked for first (RoleLanding); Vaadin's configurer takes it.
        http.setSharedObject(com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler.class, new RoleLanding(personalStarts));
        SecurityFilterChain chain = http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                        .loginView(LoginView.class, "/")
                        .anyRequest(any -> any.permitAll()))
                .build();
        // Vaadin serves its page through a forward that misses Spring Security's lazy header write: write eagerly.
        chain.getFilters().stream().filter(HeaderWriterFilter.class::isInstance)
                .forEach(filter -> ((HeaderWriterFilter) filter).setShouldWriteHeadersEagerly(true));
        return chain;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry about ended sessions and changed session ids. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * The handler of the {@code @PreAuthorize} expressions: Spring Security's own
     * ({@link DefaultMethodSecurityExpressionHandler}, same root object, same functions, role prefix {@code ROLE_},
     * no role hierarchy or permission evaluator, as before), with one change: its SpEL parser compiles each expression
     * to bytecode once it has been evaluated a hundred times ({@link SpelCompilerMode#MIXED}; an expression that cannot
     * be compiled, or whose compiled form fails, is interpreted as before). Spring Security's documented way to
     * customise method security expressions (a {@code static} bean of this type, picked up by
     * {@code @EnableMethodSecurity}). Measured (docs/performance.md, "Registration", seventh step): the checks were 6.3 %
     * of the registration threads' CPU samples (five a registration), the interpreted SpEL (reflective method lookup and
     * call, argument conversion) 3.9 % of them. {@code AccessRulesCompiledTest} checks every expression form in use gives the same answers
     * compiled and interpreted.
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setExpressionParser(compilingParser());
        return handler;
    }

    /** The SpEL parser of {@link #methodSecurityExpressionHandler()}. */
    static SpelExpressionParser compilingParser() {
        return new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED, SecurityConfig.class.getClassLoader()));
    }

    /** bcrypt today, with the algorithm stored in each hash so it can change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
