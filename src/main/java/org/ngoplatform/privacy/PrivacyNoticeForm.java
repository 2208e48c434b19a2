package org.ngoplatform.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an organiser types to publish a new version of the privacy notice. */
public class PrivacyNoticeForm {

    public static final int LABEL_MAX = 20;
    public static final int BODY_MAX = 10_000;

    @NotBlank
    @Size(max = LABEL_MAX)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.privacy.label}")
    private String versionLabel = "";

    @NotBlank
    @Size(max = BODY_MAX)
    private String body = "";

    public String getVersionLabel() { return versionLabel; }
    public void setVersionLabel(String versionLabel) { this.versionLabel = versionLabel; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
}
