package org.ngoplatform.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an organiser types to publish a new version of the privacy notice: a label, the English text (required)
 * and optionally German and Russian texts. Texts are plain text; control characters other than tab and line
 * breaks are refused.
 */
public class PrivacyNoticeForm {

    public static final int LABEL_MAX = 20;
    public static final int BODY_MAX = 10_000;
    /** No control characters except tab, line feed and carriage return. */
    static final String PLAIN_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    @NotBlank
    @Size(max = LABEL_MAX)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.privacy.label}")
    private String versionLabel = "";

    @NotBlank
    @Size(max = BODY_MAX)
    @Pattern(regexp = PLAIN_TEXT, message = "{validation.privacy.text}")
    private String body = "";

    @Size(max = BODY_MAX)
    @Pattern(regexp = PLAIN_TEXT, message = "{validation.privacy.text}")
    private String bodyDe = "";

    @Size(max = BODY_MAX)
    @Pattern(regexp = PLAIN_TEXT, message = "{validation.privacy.text}")
    private String bodyRu = "";

    public String getVersionLabel() { return versionLabel; }
    public void setVersionLabel(String versionLabel) { this.versionLabel = versionLabel; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getBodyDe() { return bodyDe; }
    public void setBodyDe(String bodyDe) { this.bodyDe = bodyDe; }
    public String getBodyRu() { return bodyRu; }
    public void setBodyRu(String bodyRu) { this.bodyRu = bodyRu; }
}
