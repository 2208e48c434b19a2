package org.ngoplatform.visaletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** An edition's letter template in the organisers' words; {@link VisaLetterRules} judges it before it is kept. */
@Entity
@Table(name = "visa_letter_template")
class VisaLetterTemplate {

    @Id
    @Column(name = "edition_id")
    private Long editionId;

    @Size(max = VisaLetterRules.TEMPLATE_MAX)
    @Column(nullable = false, columnDefinition = "text")
    private String body;

    @Size(max = 8)
    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected VisaLetterTemplate() {
    }

    VisaLetterTemplate(long editionId) {
        this.editionId = editionId;
    }

    void change(String body, String language, long by, Instant now) {
        if (VisaLetterRules.templateProblem(body, language) != null) {
            throw new IllegalArgumentException("template refused by the rules");
        }
        this.body = body;
        this.language = language;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    Long getEditionId() { return editionId; }
    String getBody() { return body; }
    String getLanguage() { return language; }
    Long getUpdatedBy() { return updatedBy; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }
}
