package org.ngoplatform.base;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The shared plumbing of the {@code .docx} files the app writes (attendance's certificate, visaletter's letters)
 * with Apache POI's XWPF, already on the classpath for the workbooks. Every text goes into a run as text
 * ({@link XWPFRun#setText}), which POI escapes when it writes the XML, so text like {@code <w:t>}, {@code ]]>} or
 * {@code ${name}} appears literally and never becomes document XML or a field. Line breaks in a text become breaks
 * inside its paragraph. Use: {@code try (var doc = new WordDocument()) { doc.paragraph(...); return doc.bytes(); }}.
 */
public final class WordDocument implements AutoCloseable {

    /** The media type of a {@code .docx} download. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final XWPFDocument doc = new XWPFDocument();

    /** A centred paragraph, as certificates set their lines. */
    public WordDocument centred(String text, int size, boolean bold) {
        return paragraph(text, size, bold, ParagraphAlignment.CENTER);
    }

    /** A left-aligned paragraph, as letters set their lines. */
    public WordDocument left(String text, int size) {
        return paragraph(text, size, false, ParagraphAlignment.LEFT);
    }

    /** One paragraph holding {@code text} literally (line breaks as breaks), spaced from the next one. */
    public WordDocument paragraph(String text, int size, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(200);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontSize(size);
        String[] lines = (text == null ? "" : text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]); // a new <w:t> after the break
        }
        return this;
    }

    /** The document as the bytes of a {@code .docx} file. */
    public byte[] bytes() {
        try (var out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
