/**
 * The download UI every feature's views use: {@link org.ngoplatform.export.ui.ExportButton} starts an export and
 * shows its progress in an {@link org.ngoplatform.export.ui.ExportProgressDialog}. Exposed as export's named
 * interface {@code ui}, so a module allows it explicitly ({@code "export :: ui"}) next to the API ({@code "export"}).
 */
@org.springframework.modulith.NamedInterface("ui")
package org.ngoplatform.export.ui;
