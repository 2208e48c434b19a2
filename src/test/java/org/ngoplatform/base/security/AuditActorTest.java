package org.ngoplatform.base.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for how audit records and exports name whoever is acting. */
class AuditActorTest {

    private record Person(String displayName, String auditName) implements NamedPrincipal {
    }

    @Test
    void a_signed_in_person_is_named_by_their_pseudonymous_audit_name_never_their_login() {
        var auth = UsernamePasswordAuthenticationToken.authenticated(new Person("Anna K.", "account:42"), null,
                AuthorityUtils.createAuthorityList("ROLE_ORGANISER"));

        assertThat(AuditActor.of(auth)).isEqualTo("account:42");
    }

    @Test
    void a_principal_without_an_audit_name_is_named_by_the_authentication() {
        var nameless = UsernamePasswordAuthenticationToken.authenticated(new Person("Anna K.", null), null,
                AuthorityUtils.createAuthorityList("ROLE_ORGANISER"));
        var other = UsernamePasswordAuthenticationToken.authenticated("svc-user", null,
                AuthorityUtils.createAuthorityList("ROLE_ORGANISER"));
        var visitor = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(AuditActor.of(nameless)).isEqualTo(nameless.getName());
        assertThat(AuditActor.of(other)).isEqualTo("svc-user");
        assertThat(AuditActor.of(visitor)).isEqualTo("anonymousUser");
    }

    @Test
    void without_authentication_the_actor_is_the_system() {
        var unauthenticated = UsernamePasswordAuthenticationToken.unauthenticated(new Person("Anna K.", "account:42"), null);

        assertThat(AuditActor.of(null)).isEqualTo("system");
        assertThat(AuditActor.of(unauthenticated)).isEqualTo("system");
    }
}
