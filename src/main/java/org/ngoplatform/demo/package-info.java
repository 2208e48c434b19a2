/**
 * Demo accounts and an open edition with its programme and workshop groups, demo profile only.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "edition", "programme", "registration", "workshop"})
package org.ngoplatform.demo;
