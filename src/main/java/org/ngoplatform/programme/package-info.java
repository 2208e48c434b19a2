/**
 * An edition's programme: sessions in the edition's time zone, the organisers' editor, the public programme page
 * and its {@code .ics}. Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in
 * docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "audit", "edition"})
package org.ngoplatform.programme;
