package org.ngoplatform.attendance;

import org.ngoplatform.base.WordDocument;

/** A participant's certificate of attendance as a {@code .docx} file. */
public record CertificateFile(String fileName, byte[] content) {

    public static final String CONTENT_TYPE = WordDocument.CONTENT_TYPE;
}
