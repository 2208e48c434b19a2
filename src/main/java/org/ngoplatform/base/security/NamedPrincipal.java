package org.ngoplatform.base.security;

/** What the application shell needs to know about the signed-in person, without depending on accounts. */
public interface NamedPrincipal {

    String displayName();

    /**
     * How audit records name this person: a pseudonymous reference (e.g. {@code account:42}) rather than the
     * email, so that erasing the person leaves no personal data in the append-only audit log.
     */
    default String auditName() {
        return null;
    }
}
