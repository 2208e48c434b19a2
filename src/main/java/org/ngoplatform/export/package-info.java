/**
 * Shared export infrastructure: streaming Excel ({@link org.ngoplatform.export.WorkbookWriter}), safe CSV
 * ({@link org.ngoplatform.export.CsvWriter}), background jobs with progress, cancel and expiry
 * ({@link org.ngoplatform.export.ExportService}, which publishes an {@link org.ngoplatform.export.ExportEvent} per
 * step of a job for the audit log to record; export itself depends on no feature) and the download UI
 * ({@link org.ngoplatform.export.ui.ExportButton}, {@link org.ngoplatform.export.ui.ExportProgressDialog}).
 *
 * <p>How a feature exports (e.g. a survey's results), in its own service:
 * <pre>{@code
 * @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
 * public ExportStatus exportResults(long surveyId, Filter filter, boolean identityRequested) {
 *     boolean identity = identityRequested && mayIncludeIdentity(surveyId);   // decided server-side
 *     long total = responses.count(surveyId, filter);
 *     var request = new ExportRequest("Survey results", "survey:" + surveyId, "survey-" + surveyId,
 *             ExportFormat.XLSX, total, filter.describe(), identity);
 *     return exports.start(request, ExportContent.xlsx(workbook -> {
 *         workbook.addKeyValueSheet("About", title, aboutEntries);
 *         var sheet = workbook.addDataSheet("Responses", columns);
 *         for (int offset = 0; ; offset += PAGE) {          // read page by page, never all rows at once
 *             var page = responses.page(surveyId, filter, offset, PAGE);
 *             if (page.isEmpty()) break;
 *             page.forEach(r -> sheet.row(values(r)));      // counts progress, stops when cancelled
 *         }
 *         workbook.addSummarySheet("Summary").add(new SummaryTable(...));   // small table + bar chart
 *     }));
 * }
 * }</pre>
 * and in its view: {@code new ExportButton(label, exportService, () -> service.exportResults(...))}.
 * The content runs with the caller's security context (also on the export thread); exports expected to
 * have more than {@code ngo.export.inline-max-rows} rows run in the background.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base"})
package org.ngoplatform.export;
