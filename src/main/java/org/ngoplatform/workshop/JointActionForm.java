package org.ngoplatform.workshop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** What an organiser fills in to compose a joint action. */
public class JointActionForm {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;

    @NotBlank(message = "{validation.required}")
    @Size(max = TITLE_MAX, message = "{validation.too-long}")
    private String title = "";

    @Size(max = DESCRIPTION_MAX, message = "{validation.too-long}")
    private String description = "";

    private LocalDate date;

    @NotNull(message = "{validation.required}")
    private Long leadOrganisationId;

    @NotNull(message = "{validation.required}")
    private JointActionStatus status = JointActionStatus.PLANNED;

    private Set<Long> supporterIds = new HashSet<>();

    private Set<Long> sourceEntryIds = new HashSet<>();

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Long getLeadOrganisationId() { return leadOrganisationId; }
    public void setLeadOrganisationId(Long leadOrganisationId) { this.leadOrganisationId = leadOrganisationId; }
    public JointActionStatus getStatus() { return status; }
    public void setStatus(JointActionStatus status) { this.status = status; }
    public Set<Long> getSupporterIds() { return supporterIds; }
    public void setSupporterIds(Set<Long> supporterIds) { this.supporterIds = supporterIds == null ? new HashSet<>() : new HashSet<>(supporterIds); }
    public Set<Long> getSourceEntryIds() { return sourceEntryIds; }
    public void setSourceEntryIds(Set<Long> sourceEntryIds) { this.sourceEntryIds = sourceEntryIds == null ? new HashSet<>() : new HashSet<>(sourceEntryIds); }
}
