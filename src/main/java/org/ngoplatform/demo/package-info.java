/**
 * Demo accounts and an open edition, demo profile only.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "edition"})
package org.ngoplatform.demo;
