package org.ngoplatform.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @PreAuthorize} expressions are compiled to bytecode once warm ({@link SecurityConfig#methodSecurityExpressionHandler()}):
 * every expression in the code compiles, and compiled it answers as Spring's interpreted evaluation does, for nobody
 * signed in (a system job), an anonymous visitor, a person without roles, each role, two roles, a remembered and a
 * not-authenticated token.
 */
class AccessRulesCompiledTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_pre_authorize_expression_compiles_and_answers_as_interpreted() throws Exception {
        List<String> expressions = new ArrayList<>(preAuthorizeExpressions());
        assertThat(expressions).as("the expressions found in the code").contains("isAuthenticated()", "hasRole('ORGANISER')",
                "hasAnyRole('ANALYST','ORGANISER')", "T(org.ngoplatform.account.CurrentAccount).isSystemJob() or hasRole('ORGANISER')");

        MethodSecurityExpressionHandler handler = SecurityConfig.methodSecurityExpressionHandler();
        SpelExpressionParser interpreting = new SpelExpressionParser();
        SimpleMethodInvocation invocation = new SimpleMethodInvocation(this, Object.class.getMethod("toString"));
        for (String text : expressions) {
            Expression compiled = handler.getExpressionParser().parseExpression(text);
            Expression interpreted = interpreting.parseExpression(text);
            // one interpreted evaluation tells the compiler the types, as the hundred of MIXED mode do
            evaluate(compiled, handler, invocation, signedIn("ORGANISER"));
            assertThat(((SpelExpression) compiled).compileExpression()).as("compiles: %s", text).isTrue();
            for (Map.Entry<String, Authentication> who : people().entrySet()) {
                assertThat(evaluate(compiled, handler, invocation, who.getValue()))
                        .as("%s for %s", text, who.getKey())
                        .isEqualTo(evaluate(interpreted, handler, invocation, who.getValue()));
            }
        }
    }

    /** true, false, or the exception's class (nobody signed in: Spring's interceptor refuses to find an authentication). */
    private static Object evaluate(Expression expression, MethodSecurityExpressionHandler handler,
                                   SimpleMethodInvocation invocation, Authentication who) {
        if (who == null) {
            SecurityContextHolder.clearContext();
        } else {
            SecurityContextHolder.getContext().setAuthentication(who);
        }
        Supplier<Authentication> authentication = () -> {
            if (who == null) {
                throw new AuthenticationCredentialsNotFoundException("none");
            }
            return who;
        };
        EvaluationContext context = handler.createEvaluationContext(authentication, invocation);
        try {
            return expression.getValue(context, Boolean.class);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getClass();
        }
    }

    private static Map<String, Authentication> people() {
        Map<String, Authentication> people = new LinkedHashMap<>();
        people.put("nobody (system job)", null);
        people.put("anonymous", new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        people.put("no roles", signedIn());
        for (Role role : Role.values()) {
            people.put(role.name(), signedIn(role.name()));
        }
        people.put("FACILITATOR and ORGANISER", signedIn("FACILITATOR", "ORGANISER"));
        people.put("ANALYST and PARTICIPANT", signedIn("ANALYST", "PARTICIPANT"));
        people.put("remembered ORGANISER", new RememberMeAuthenticationToken("key", "someone", AuthorityUtils.createAuthorityList("ROLE_ORGANISER")));
        TestingAuthenticationToken notAuthenticated = new TestingAuthenticationToken("someone", "secret", "ROLE_ORGANISER");
        notAuthenticated.setAuthenticated(false);
        people.put("not authenticated ORGANISER", notAuthenticated);
        people.put("authority without ROLE_ prefix", UsernamePasswordAuthenticationToken.authenticated("someone", null,
                AuthorityUtils.createAuthorityList("ORGANISER")));
        return people;
    }

    private static Authentication signedIn(String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null,
                AuthorityUtils.createAuthorityList(Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new)));
    }

    /** Every distinct {@code @PreAuthorize} value on the application's classes and methods. */
    private static TreeSet<String> preAuthorizeExpressions() {
        TreeSet<String> found = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> {
            AnnotationMetadata type = reader.getAnnotationMetadata();
            if (type.hasAnnotation(PreAuthorize.class.getName())) {
                found.add((String) type.getAnnotationAttributes(PreAuthorize.class.getName()).get("value"));
            }
            for (MethodMetadata method : type.getAnnotatedMethods(PreAuthorize.class.getName())) {
                found.add((String) method.getAnnotationAttributes(PreAuthorize.class.getName()).get("value"));
            }
            return false;
        });
        scanner.findCandidateComponents("org.ngoplatform");
        return found;
    }
}
