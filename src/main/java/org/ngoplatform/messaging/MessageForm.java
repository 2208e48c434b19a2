package org.ngoplatform.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An organiser's message: a subject and a text, both their own words, sent as written. */
public class MessageForm {

    public static final int SUBJECT_MAX = 200;
    /** Fits the outbox's body (6,000) with the frame around it in every language. */
    public static final int BODY_MAX = 5000;

    @NotBlank(message = "{validation.required}")
    @Size(max = SUBJECT_MAX, message = "{validation.too-long}")
    private String subject = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = BODY_MAX, message = "{validation.too-long}")
    private String body = "";

    public MessageForm() {
    }

    public MessageForm(String subject, String body) {
        this.subject = subject;
        this.body = body;
    }

    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
