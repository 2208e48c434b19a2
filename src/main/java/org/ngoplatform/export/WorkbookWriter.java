package org.ngoplatform.export;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streaming .xlsx writer shared by every export (participant lists, workshop reports, survey results).
 *
 * <p>Data sheets stream through POI SXSSF: a bounded row window, inline strings (no shared-strings table, so
 * the heap does not grow with the rows), one shared style per {@link CellKind} on every cell, a bold frozen
 * header with an autofilter and column widths sized from sampled rows. Summary sheets are small ordinary
 * sheets with a native bar chart per table. Every text value is written as a string cell (a value such as
 * {@code =1+1} stays text); text longer than Excel's cell limit is cut with a marker.
 *
 * <p>Always use it in try-with-resources: {@link #close()} deletes the temp files, also after a failure or
 * a cancel.
 */
public final class WorkbookWriter implements Closeable {

    /** Excel's limit on characters in one cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_TEXT_WIDTH = 50;
    private static final int MAX_LONG_TEXT_WIDTH = 60;
    private static final int MIN_WIDTH = 6;

    private final WorkbookOptions options;
    private final XSSFWorkbook base;
    private final SXSSFWorkbook workbook;
    private final Map<CellKind, CellStyle> styles = new EnumMap<>(CellKind.class);
    private final CellStyle headerStyle;
    private final CellStyle titleStyle;
    private final List<DataSheet> dataSheets = new ArrayList<>();
    private final Set<String> sheetNames = new HashSet<>();
    private boolean written;
    private boolean closed;

    private WorkbookWriter(WorkbookOptions options) {
        this.options = options;
        this.base = new XSSFWorkbook();
        this.workbook = new TunedWorkbook(base, options);
        DataFormat formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);

        for (CellKind kind : CellKind.values()) {
            CellStyle style = workbook.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.TOP);
            switch (kind) {
                case TEXT -> style.setDataFormat(formats.getFormat("@"));
                case LONG_TEXT -> {
                    style.setDataFormat(formats.getFormat("@"));
                    style.setWrapText(true);
                }
                case INTEGER, BOOLEAN -> style.setDataFormat(formats.getFormat("0"));
                case YES_NO -> style.setDataFormat(formats.getFormat("General"));
                case DECIMAL -> style.setDataFormat(formats.getFormat("General"));
                case PERCENT -> style.setDataFormat(formats.getFormat("0.0%"));
                case DATE -> style.setDataFormat(formats.getFormat("yyyy-mm-dd"));
                case DATE_TIME -> style.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
            }
            styles.put(kind, style);
        }
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setVerticalAlignment(VerticalAlignment.TOP);
        headerStyle.setWrapText(true);
        headerStyle.setBorderBottom(BorderStyle.THIN);
        titleStyle = workbook.createCellStyle();
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 13);
        titleStyle.setFont(titleFont);
    }

    public static WorkbookWriter create() {
        return new WorkbookWriter(WorkbookOptions.defaults());
    }

    public static WorkbookWriter create(WorkbookOptions options) {
        return new WorkbookWriter(options);
    }

    /** Adds a streamed sheet with a bold frozen header row and an autofilter over all its rows. */
    public DataSheet addDataSheet(String name, List<Column> columns) {
        if (columns.isEmpty()) throw new IllegalArgumentException("a sheet needs at least one column");
        SXSSFSheet sheet = workbook.createSheet(sheetName(name));
        DataSheet data = new DataSheet(sheet, List.copyOf(columns));
        dataSheets.add(data);
        return data;
    }

    /**
     * Adds a small, non-streamed sheet of label/value pairs (an "About" sheet): bold labels, wrapped values.
     * Values follow the same typing rules as data rows; text stays text.
     */
    public void addKeyValueSheet(String name, String title, List<Map.Entry<String, Object>> entries) {
        XSSFSheet sheet = base.createSheet(sheetName(name));
        int r = 0;
        if (title != null) {
            XSSFRow row = sheet.createRow(r++);
            Cell cell = row.createCell(0);
            cell.setCellStyle(titleStyle);
            cell.setCellValue(clean(title));
            r++;
        }
        for (Map.Entry<String, Object> entry : entries) {
            XSSFRow row = sheet.createRow(r++);
            Cell label = row.createCell(0);
            label.setCellStyle(headerStyle);
            label.setCellValue(clean(entry.getKey()));
            Object value = entry.getValue();
            if (value != null) {
                CellKind kind = kindOf(value);
                Cell cell = row.createCell(1);
                cell.setCellStyle(kind == CellKind.TEXT ? styles.get(CellKind.LONG_TEXT) : styles.get(kind));
                setValue(cell, kind, value, entry.getKey());
            }
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    /** Adds a non-streamed sheet for small tables, each with a native bar chart. */
    public SummarySheet addSummarySheet(String name) {
        return new SummarySheet(base.createSheet(sheetName(name)));
    }

    /** Finishes every sheet and writes the package. May be called once. */
    public void writeTo(OutputStream out) throws IOException {
        if (written) throw new IllegalStateException("already written");
        if (closed) throw new IllegalStateException("closed");
        written = true;
        options.monitor().checkCancelled();
        for (DataSheet sheet : dataSheets) {
            sheet.finish();
        }
        workbook.write(out);
    }

    /** Deletes the temp files of the streamed sheets. Safe to call more than once. */
    @Override
    @SuppressWarnings("deprecation")
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            workbook.dispose();
        } finally {
            workbook.close();
        }
    }

    private String sheetName(String requested) {
        // Control characters make the file unreadable; Excel allows 31 characters, cut on whole code points.
        String cleaned = requested == null ? "" : requested.replaceAll("\\p{Cntrl}", " ").strip();
        String safe = WorkbookUtil.createSafeSheetName(cleaned.isBlank() ? "Sheet" : firstChars(cleaned, 31));
        String name = safe;
        for (int i = 2; !sheetNames.add(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = firstChars(safe, 31 - suffix.length()) + suffix;
        }
        return name;
    }

    private static String firstChars(String text, int max) {
        if (text.length() <= max) return text;
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut);
    }

    /** Cuts text longer than Excel's cell limit, keeping surrogate pairs whole, and marks the cut. */
    String truncate(String text) {
        if (text.length() <= MAX_CELL_CHARS) return text;
        String marker = options.truncationMarker();
        int cut = MAX_CELL_CHARS - marker.length();
        if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
        return text.substring(0, cut) + marker;
    }

    /** For the non-streamed sheets: no XML-illegal control characters, within the cell limit. */
    private String clean(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                if (sb == null) sb = new StringBuilder(text);
                sb.setCharAt(i, '\uFFFD');
            }
        }
        return truncate(sb == null ? text : sb.toString());
    }

    private static CellKind kindOf(Object value) {
        return switch (value) {
            case Integer i -> CellKind.INTEGER;
            case Long l -> CellKind.INTEGER;
            case Short s -> CellKind.INTEGER;
            case Number n -> CellKind.DECIMAL;
            case Boolean b -> CellKind.BOOLEAN;
            case LocalDate d -> CellKind.DATE;
            case LocalDateTime d -> CellKind.DATE_TIME;
            case Instant d -> CellKind.DATE_TIME;
            case OffsetDateTime d -> CellKind.DATE_TIME;
            case ZonedDateTime d -> CellKind.DATE_TIME;
            default -> CellKind.TEXT;
        };
    }

    private void setValue(Cell cell, CellKind kind, Object value, String header) {
        switch (kind) {
            case TEXT, LONG_TEXT -> cell.setCellValue(truncate(value.toString()));
            case INTEGER, DECIMAL, PERCENT -> cell.setCellValue(number(value, header));
            case BOOLEAN -> cell.setCellValue(switch (value) {
                case Boolean b -> b ? 1 : 0;
                case Number n -> n.doubleValue() != 0 ? 1 : 0;
                default -> throw new IllegalArgumentException("column " + header + ": not a boolean: " + value.getClass());
            });
            case YES_NO -> cell.setCellValue(switch (value) {
                case Boolean b -> b;
                case Number n -> n.doubleValue() != 0;
                default -> throw new IllegalArgumentException("column " + header + ": not a boolean: " + value.getClass());
            });
            case DATE -> cell.setCellValue(switch (value) {
                case LocalDate d -> d;
                case LocalDateTime d -> d.toLocalDate();
                default -> dateTime(value, header).toLocalDate();
            });
            case DATE_TIME -> cell.setCellValue(dateTime(value, header));
        }
    }

    private static double number(Object value, String header) {
        if (value instanceof BigDecimal d) return d.doubleValue();
        if (value instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("column " + header + ": not a number: " + value.getClass().getSimpleName());
    }

    private LocalDateTime dateTime(Object value, String header) {
        return switch (value) {
            case LocalDateTime d -> d;
            case LocalDate d -> d.atStartOfDay();
            case Instant i -> LocalDateTime.ofInstant(i, options.zone());
            case OffsetDateTime o -> o.atZoneSameInstant(options.zone()).toLocalDateTime();
            case ZonedDateTime z -> z.withZoneSameInstant(options.zone()).toLocalDateTime();
            default -> throw new IllegalArgumentException("column " + header + ": not a date: " + value.getClass().getSimpleName());
        };
    }

    private static int sampleWidth(CellKind kind, Object value) {
        return switch (kind) {
            case TEXT, LONG_TEXT -> {
                String s = value.toString();
                int nl = s.indexOf('\n');
                yield nl >= 0 ? nl : Math.min(s.length(), 200);
            }
            case DATE -> 10;
            case DATE_TIME -> 16;
            case BOOLEAN -> 1;
            case YES_NO -> 5;
            case PERCENT -> 6;
            case INTEGER, DECIMAL -> Math.min(String.valueOf(value).length(), 18);
        };
    }

    private static int widthFor(CellKind kind, int chars) {
        int max = kind == CellKind.LONG_TEXT ? MAX_LONG_TEXT_WIDTH : MAX_TEXT_WIDTH;
        return Math.clamp(chars + 2L, MIN_WIDTH, max) * 256;
    }

    /** A streamed table: call {@link #row} once per record, in order. */
    public final class DataSheet {

        private final SXSSFSheet sheet;
        private final List<Column> columns;
        private final CellKind[] kinds;
        private final CellStyle[] cellStyles;
        private final int[] widths;
        private int nextRow = 1;

        private DataSheet(SXSSFSheet sheet, List<Column> columns) {
            this.sheet = sheet;
            this.columns = columns;
            this.kinds = columns.stream().map(Column::kind).toArray(CellKind[]::new);
            this.cellStyles = new CellStyle[kinds.length];
            this.widths = new int[kinds.length];
            SXSSFRow header = sheet.createRow(0);
            for (int i = 0; i < kinds.length; i++) {
                cellStyles[i] = styles.get(kinds[i]);
                Cell cell = header.createCell(i);
                cell.setCellStyle(headerStyle);
                String text = truncate(columns.get(i).header());
                cell.setCellValue(text);
                widths[i] = Math.min(text.length() + 3, MAX_TEXT_WIDTH); // room for the filter button
            }
            sheet.createFreezePane(0, 1);
        }

        public String name() {
            return sheet.getSheetName();
        }

        /** Data rows written so far. */
        public int rowCount() {
            return nextRow - 1;
        }

        /**
         * Writes one row; {@code null} values leave blank cells; a {@link TextMarker} is a text cell in a column
         * of any kind. Stops with an exception if cancelled.
         */
        public void row(Object... values) {
            if (values.length > kinds.length) {
                throw new IllegalArgumentException(values.length + " values for " + kinds.length + " columns");
            }
            if (nextRow > 1_048_575) {
                throw new IllegalStateException("sheet " + name() + " is full (Excel's row limit)");
            }
            boolean sample = nextRow <= options.widthSampleRows();
            SXSSFRow row = sheet.createRow(nextRow++);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) continue;
                Cell cell = row.createCell(i);
                if (value instanceof TextMarker marker) {
                    // a documented code in a column of any kind (e.g. a survey's "not asked"): a text cell
                    cell.setCellStyle(styles.get(CellKind.TEXT));
                    cell.setCellValue(truncate(marker.text()));
                } else {
                    cell.setCellStyle(cellStyles[i]);
                    setValue(cell, kinds[i], value, columns.get(i).header());
                }
                if (sample) {
                    widths[i] = Math.max(widths[i], value instanceof TextMarker m
                            ? Math.min(m.text().length(), 200) : sampleWidth(kinds[i], value));
                }
            }
            options.monitor().rowWritten();
        }

        /** Writes one row from a list, as {@link #row(Object...)}. */
        public void row(List<?> values) {
            row(values.toArray());
        }

        private void finish() {
            for (int i = 0; i < kinds.length; i++) {
                int fixed = columns.get(i).width();
                sheet.setColumnWidth(i, fixed > 0 ? fixed * 256 : widthFor(kinds[i], widths[i]));
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(nextRow - 1, 1), 0, kinds.length - 1));
        }
    }

    /** A sheet of small tables, each followed on its right by a bar chart. */
    public final class SummarySheet {

        private static final int CHART_WIDTH_COLS = 8;
        private static final int MIN_CHART_ROWS = 14;

        private final XSSFSheet sheet;
        private XSSFDrawing drawing;
        private int nextRow;
        private int maxValueColumns;
        private int labelWidth = 12;

        private SummarySheet(XSSFSheet sheet) {
            this.sheet = sheet;
        }

        public String name() {
            return sheet.getSheetName();
        }

        /**
         * Adds a label/value line (bold label, typed value; text stays text), e.g. the edition a report is
         * about, above the tables.
         */
        public void entry(String label, Object value) {
            XSSFRow row = sheet.createRow(nextRow++);
            Cell cell = row.createCell(0);
            cell.setCellStyle(headerStyle);
            String text = clean(label == null ? "" : label);
            cell.setCellValue(text);
            labelWidth = Math.max(labelWidth, Math.min(text.length() + 2, MAX_TEXT_WIDTH));
            if (value != null) {
                CellKind kind = kindOf(value);
                Cell v = row.createCell(1);
                v.setCellStyle(styles.get(kind));
                if (kind == CellKind.TEXT) {
                    v.setCellValue(clean(value.toString()));
                } else {
                    setValue(v, kind, value, label);
                }
            }
            sheet.setColumnWidth(0, labelWidth * 256);
        }

        /** Leaves one empty row. */
        public void gap() {
            nextRow++;
        }

        /**
         * Adds a table. A table with an empty title and no chart is compact: its header row comes first and
         * one empty row follows it.
         */
        public void add(SummaryTable table) {
            int top = nextRow;
            boolean compact = table.title().isEmpty() && table.chartColumn() < 0;
            if (!table.title().isEmpty()) {
                XSSFRow titleRow = sheet.createRow(nextRow++);
                Cell title = titleRow.createCell(0);
                title.setCellStyle(titleStyle);
                title.setCellValue(clean(table.title()));
            }

            int headerRowIndex = nextRow++;
            XSSFRow header = sheet.createRow(headerRowIndex);
            Cell labelHeader = header.createCell(0);
            labelHeader.setCellStyle(headerStyle);
            labelHeader.setCellValue(clean(table.labelHeader()));
            List<Column> valueColumns = table.valueColumns();
            for (int c = 0; c < valueColumns.size(); c++) {
                Cell cell = header.createCell(c + 1);
                cell.setCellStyle(headerStyle);
                cell.setCellValue(clean(valueColumns.get(c).header()));
            }
            int firstData = nextRow;
            for (SummaryTable.Row r : table.rows()) {
                XSSFRow row = sheet.createRow(nextRow++);
                Cell label = row.createCell(0);
                label.setCellStyle(styles.get(CellKind.TEXT));
                String text = clean(r.label() == null ? "" : r.label());
                label.setCellValue(text);
                labelWidth = Math.max(labelWidth, Math.min(text.length() + 2, MAX_TEXT_WIDTH));
                for (int c = 0; c < valueColumns.size(); c++) {
                    Object value = r.values().get(c);
                    if (value == null) continue;
                    Cell cell = row.createCell(c + 1);
                    CellKind kind = valueColumns.get(c).kind();
                    if (value instanceof String s && kind != CellKind.TEXT && kind != CellKind.LONG_TEXT) {
                        // e.g. a suppressed small count "<5": stays text, right-aligned like the numbers
                        cell.setCellStyle(styles.get(CellKind.TEXT));
                        cell.setCellValue(clean(s));
                    } else {
                        cell.setCellStyle(styles.get(kind));
                        if (kind == CellKind.TEXT || kind == CellKind.LONG_TEXT) {
                            cell.setCellValue(clean(value.toString()));
                        } else {
                            setValue(cell, kind, value, valueColumns.get(c).header());
                        }
                    }
                }
            }
            int lastData = nextRow - 1;
            maxValueColumns = Math.max(maxValueColumns, valueColumns.size());
            int bottom = nextRow;
            if (table.chartColumn() >= 0 && lastData >= firstData) {
                int chartCol = valueColumns.size() + 2;
                int chartBottom = Math.max(top + MIN_CHART_ROWS, top + 3 + 2 * table.rows().size());
                chart(table, top, chartCol, chartBottom, headerRowIndex, firstData, lastData);
                bottom = Math.max(bottom, chartBottom);
            }
            nextRow = bottom + (compact ? 1 : 2);
            sheet.setColumnWidth(0, labelWidth * 256);
            for (int c = 1; c <= maxValueColumns; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
        }

        private void chart(SummaryTable table, int top, int leftCol, int bottom, int headerRow, int firstData, int lastData) {
            if (drawing == null) {
                drawing = sheet.createDrawingPatriarch();
            }
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, leftCol, top, leftCol + CHART_WIDTH_COLS, bottom);
            XSSFChart chart = drawing.createChart(anchor);
            chart.setTitleText(clean(table.title()));
            chart.setTitleOverlay(false);
            XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            int valueCol = table.chartColumn() + 1;
            XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                    new CellRangeAddress(firstData, lastData, 0, 0));
            XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstData, lastData, valueCol, valueCol));
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
            data.setBarDirection(BarDirection.BAR);
            data.setVaryColors(false);
            XDDFChartData.Series series = data.addSeries(labels, numbers);
            series.setTitle(clean(table.valueColumns().get(table.chartColumn()).header()),
                    new CellReference(sheet.getSheetName(), headerRow, valueCol, true, true));
            chart.plot(data);
        }
    }

    /**
     * SXSSF with a chosen zip level (level 4 is far faster than POI's default 6 for a few % more bytes) and
     * {@link TunedSheetDataWriter} for the sheets' XML and temp files.
     */
    private static final class TunedWorkbook extends SXSSFWorkbook {
        private final WorkbookOptions options;

        TunedWorkbook(XSSFWorkbook base, WorkbookOptions options) {
            super(base, options.rowWindow(), options.compressTempFilesBelowFreeBytes() == Long.MAX_VALUE, false);
            this.options = options;
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            if (!options.tunedSheetWriter()) return super.createSheetDataWriter();
            return TunedSheetDataWriter.create(options.compressTempFilesBelowFreeBytes());
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(options.deflateLevel());
            return zip;
        }
    }
}
