/**
 * Platform editions: home and edition pages, editions admin.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "privacy"})
package org.ngoplatform.edition;
