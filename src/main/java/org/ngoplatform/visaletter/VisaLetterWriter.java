package org.ngoplatform.visaletter;

import org.ngoplatform.base.WordDocument;

/**
 * Writes an issued letter's text as {@code .docx} through {@link WordDocument}: a blank line starts a new paragraph,
 * a single line break stays a break inside it. The text goes into runs as text, never as XML.
 */
final class VisaLetterWriter {

    private VisaLetterWriter() {
    }

    static byte[] write(String letter) {
        try (WordDocument doc = new WordDocument()) {
            for (String paragraph : letter.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t]*\n")) {
                doc.left(paragraph, 11);
            }
            return doc.bytes();
        }
    }
}
