/**
 * The append-only audit log, its view and workbook; records export events. Knows no feature.
 * Allowed dependencies are declared here and enforced by {@code ModularityTest}; the map is in docs/developing.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "export", "export :: ui"})
package org.ngoplatform.audit;
