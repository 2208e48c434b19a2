package org.ngoplatform.workshop;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import org.ngoplatform.base.EntityText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** An action the network agrees on for an edition, composed from approved action points. */
@Entity
@Table(name = "joint_action")
class JointAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Size(max = JointActionForm.TITLE_MAX)
    @Column(nullable = false, length = JointActionForm.TITLE_MAX)
    private String title;

    @Size(max = JointActionForm.DESCRIPTION_MAX)
    @Column(length = JointActionForm.DESCRIPTION_MAX)
    private String description;

    @Column(name = "action_date")
    private LocalDate date;

    @Column(name = "lead_organisation_id", nullable = false)
    private long leadOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private JointActionStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "joint_action_supporter", joinColumns = @JoinColumn(name = "joint_action_id"))
    @Column(name = "organisation_id")
    private Set<Long> supporterIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "joint_action_source", joinColumns = @JoinColumn(name = "joint_action_id"))
    @Column(name = "entry_id")
    private Set<Long> sourceEntryIds = new HashSet<>();

    @Version
    private long version;

    protected JointAction() {
    }

    JointAction(long editionId, Instant createdAt) {
        this.editionId = editionId;
        this.createdAt = createdAt;
    }

    /** The entity guards its own limits whatever the form and service did. */
    void apply(JointActionForm form) {
        this.title = EntityText.required(form.getTitle(), JointActionForm.TITLE_MAX, "title");
        this.description = EntityText.optional(form.getDescription(), JointActionForm.DESCRIPTION_MAX, "description");
        this.date = form.getDate();
        this.leadOrganisationId = form.getLeadOrganisationId();
        this.status = form.getStatus();
        this.supporterIds.clear();
        this.supporterIds.addAll(form.getSupporterIds());
        this.supporterIds.remove(form.getLeadOrganisationId());
        this.sourceEntryIds.clear();
        this.sourceEntryIds.addAll(form.getSourceEntryIds());
    }

    Long getId() { return id; }
    long getEditionId() { return editionId; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    LocalDate getDate() { return date; }
    long getLeadOrganisationId() { return leadOrganisationId; }
    JointActionStatus getStatus() { return status; }
    Set<Long> getSupporterIds() { return Set.copyOf(supporterIds); }
    Set<Long> getSourceEntryIds() { return Set.copyOf(sourceEntryIds); }
    long getVersion() { return version; }
}
