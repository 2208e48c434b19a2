/**
 * Workshop groups, live outcomes, workflow, joint actions, the edition report.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition", "export", "export :: ui", "organisation", "mail", "privacy", "programme", "programme :: ui", "registration"})
package org.ngoplatform.workshop;
