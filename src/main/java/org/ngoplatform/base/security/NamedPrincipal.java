package org.ngoplatform.base.security;

/** What the application shell needs to know about the signed-in person, without depending on accounts. */
public interface NamedPrincipal {

    String displayName();
}
