/**
 * Accounts, roles, sign-up, sign-in and its throttle, security configuration.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "audit", "mail", "organisation"})
package org.ngoplatform.account;
