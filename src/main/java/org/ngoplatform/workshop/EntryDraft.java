package org.ngoplatform.workshop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The text a person is writing for an outcome entry; kept whole through conflicts. */
public class EntryDraft {

    @NotNull(message = "{validation.required}")
    private EntryType type = EntryType.KEY_POINT;

    @NotBlank(message = "{validation.required}")
    @Size(min = OutcomeEntry.TEXT_MIN, max = OutcomeEntry.TEXT_MAX, message = "{validation.too-long}")
    private String text = "";

    private Long ownerOrganisationId;

    private LocalDate dueDate;

    public EntryDraft() {
    }

    public EntryDraft(EntryType type, String text, Long ownerOrganisationId, LocalDate dueDate) {
        this.type = type;
        this.text = text;
        this.ownerOrganisationId = ownerOrganisationId;
        this.dueDate = dueDate;
    }

    public static EntryDraft of(OutcomeEntrySummary e) {
        return new EntryDraft(e.type(), e.text(), e.ownerOrganisationId(), e.dueDate());
    }

    public EntryDraft copy() {
        return new EntryDraft(type, text, ownerOrganisationId, dueDate);
    }

    public EntryType getType() { return type; }
    public void setType(EntryType type) { this.type = type; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getOwnerOrganisationId() { return ownerOrganisationId; }
    public void setOwnerOrganisationId(Long ownerOrganisationId) { this.ownerOrganisationId = ownerOrganisationId; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
}
