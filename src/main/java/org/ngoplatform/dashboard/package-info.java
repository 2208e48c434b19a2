/**
 * The organisers' dashboard: per upcoming edition the figures and what needs doing next, read only through the
 * public services of the modules that own them (never their repositories or tables). Allowed dependencies are
 * declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "base", "account", "edition", "registration", "workshop", "programme", "survey", "mail"})
package org.ngoplatform.dashboard;
