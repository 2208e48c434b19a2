/**
 * Member organisations and review of new names.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "audit"})
package org.ngoplatform.organisation;
