package org.ngoplatform.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * POI's SXSSF sheet writer with two changes, both measured (docs/performance.md, "Excel export", issue 15 §3):
 *
 * <ol>
 *   <li><b>Same XML, written in runs.</b> POI's {@code SheetDataWriter} escapes text one code point at a time (a new
 *   {@code char[]} and a locked {@code BufferedWriter.write} per character) and builds every cell reference through
 *   {@code CellReference}: in a JFR profile of 100,000 rows × 30 columns that was 64 % of the samples of the whole
 *   export. Here text is written in runs between the characters that need escaping, and column letters are worked out
 *   once per column. The bytes written are exactly POI's ({@code TunedSheetDataWriterTest} compares them); formula
 *   and error cells, which the exports never write, go through POI's own code.</li>
 *   <li><b>Temp files compressed only when the disk is short.</b> Gzipping the temp file cost about half of the
 *   export's CPU for disk space that is freed seconds later. A sheet's temp file is plain unless the temp folder
 *   has less than {@code compressBelowFreeBytes} usable; then it is gzipped at the fastest level (about a fifth of
 *   the plain size).</li>
 * </ol>
 */
final class TunedSheetDataWriter extends SheetDataWriter {

    private static final String PLAIN_SUFFIX = ".xml";
    private static final String GZIP_SUFFIX = ".xml.gz";
    private static final int BUFFER = 64 * 1024;
    /** The policy for the writer being constructed: POI creates the temp file inside the super constructor. */
    private static final ThreadLocal<Long> COMPRESS_BELOW = new ThreadLocal<>();

    private String rowNumber = "1";
    private String[] columnLetters = new String[32];

    private TunedSheetDataWriter() throws IOException {
        super();
    }

    /**
     * @param compressBelowFreeBytes gzip the temp file when the temp folder has less usable space than this;
     *                               0 never compresses, {@link Long#MAX_VALUE} always does
     */
    static TunedSheetDataWriter create(long compressBelowFreeBytes) throws IOException {
        COMPRESS_BELOW.set(compressBelowFreeBytes);
        try {
            return new TunedSheetDataWriter();
        } finally {
            COMPRESS_BELOW.remove();
        }
    }

    /** Whether this sheet's temp file is gzipped. */
    boolean compressed() {
        return getTempFile().getName().endsWith(GZIP_SUFFIX);
    }

    @Override
    @SuppressWarnings("deprecation")
    public File createTempFile() throws IOException {
        File file = TempFile.createTempFile("poi-sxssf-sheet", PLAIN_SUFFIX);
        Long threshold = COMPRESS_BELOW.get();
        long below = threshold == null ? Long.MAX_VALUE : threshold;
        if (below > 0 && (below == Long.MAX_VALUE || file.getParentFile().getUsableSpace() < below)) {
            Files.delete(file.toPath());
            file = TempFile.createTempFile("poi-sxssf-sheet", GZIP_SUFFIX);
        }
        return file;
    }

    @Override
    protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
        if (!compressed()) return fos;
        // the fastest level: most of the space saving of POI's level 6 (a fifth of the plain size) at far less CPU
        return new GZIPOutputStream(fos, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    @Override
    protected InputStream decorateInputStream(FileInputStream fis) throws IOException {
        return compressed() ? new GZIPInputStream(fis, BUFFER) : fis;
    }

    @Override
    public void writeRow(int rownum, SXSSFRow sxssfRow) throws IOException {
        rowNumber = Integer.toString(rownum + 1);
        super.writeRow(rownum, sxssfRow);
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null) return;
        switch (cell.getCellType()) {
            case STRING, NUMERIC, BOOLEAN, BLANK -> {
                // as SheetDataWriter.writeCell writes them, with the inline strings WorkbookWriter uses
            }
            default -> {
                super.writeCell(columnIndex, cell);
                return;
            }
        }
        _out.write("<c r=\"");
        _out.write(columnLetters(columnIndex));
        _out.write(rowNumber);
        _out.write('"');
        int style = cell.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            _out.write(" s=\"");
            _out.write(Integer.toString(style));
            _out.write('"');
        }
        switch (cell.getCellType()) {
            case BLANK -> _out.write('>');
            case STRING -> {
                String value = cell.getStringCellValue();
                _out.write(" t=\"inlineStr\"><is><t");
                if (hasLeadingTrailingSpaces(value)) _out.write(" xml:space=\"preserve\"");
                _out.write('>');
                outputEscapedString(value);
                _out.write("</t></is>");
            }
            case NUMERIC -> {
                _out.write(" t=\"n\"><v>");
                _out.write(Double.toString(cell.getNumericCellValue()));
                _out.write("</v>");
            }
            case BOOLEAN -> _out.write(cell.getBooleanCellValue() ? " t=\"b\"><v>1</v>" : " t=\"b\"><v>0</v>");
            default -> throw new IllegalStateException();
        }
        _out.write("</c>");
    }

    private static boolean hasLeadingTrailingSpaces(String s) {
        return !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
    }

    private String columnLetters(int column) {
        if (column >= columnLetters.length) {
            columnLetters = java.util.Arrays.copyOf(columnLetters, Math.max(column + 1, columnLetters.length * 2));
        }
        String letters = columnLetters[column];
        if (letters == null) {
            letters = CellReference.convertNumToColString(column);
            columnLetters[column] = letters;
        }
        return letters;
    }

    /** POI's escaping (same characters, same replacements), with the unescaped runs written in one call. */
    @Override
    protected void outputEscapedString(String s) throws IOException {
        if (s == null) return;
        int length = s.length();
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c != '\u00A0' && c < '\uFFFE') {
                continue;
            }
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\n' -> "&#xa;";
                case '\r' -> "&#xd;";
                case '\t' -> "&#x9;";
                case '\u00A0' -> "&#xa0;";
                default -> "?"; // other control characters and the non-characters U+FFFE, U+FFFF, as POI does
            };
            if (i > run) _out.write(s, run, i - run);
            _out.write(replacement);
            run = i + 1;
        }
        if (length > run) _out.write(s, run, length - run);
    }
}
