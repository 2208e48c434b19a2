package org.ngoplatform.attendance;

/** A participant's certificate of attendance as a {@code .docx} file. */
public record CertificateFile(String fileName, byte[] content) {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
