package org.ngoplatform.visaletter;

import org.ngoplatform.base.WordDocument;

/** An issued visa invitation letter as a {@code .docx} file. */
public record VisaLetterFile(String fileName, byte[] content) {

    public static final String CONTENT_TYPE = WordDocument.CONTENT_TYPE;
}
