package org.ngoplatform.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;

/** One structured outcome of a group. Carries no author: outcomes are shown under the Chatham House rule. */
@Entity
@Table(name = "outcome_entry")
public class OutcomeEntry {

    public static final int TEXT_MIN = 3;
    public static final int TEXT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 30)
    private EntryType type;

    @Size(min = TEXT_MIN, max = TEXT_MAX)
    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    @Column(name = "owner_organisation_id")
    private Long ownerOrganisationId;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected OutcomeEntry() {
    }

    OutcomeEntry(long groupId, int position, Instant now) {
        this.groupId = groupId;
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The entity guards its own invariants whatever the form and service did. */
    void apply(EntryType type, String text, Long ownerOrganisationId, LocalDate dueDate, Instant now) {
        if (type == null) {
            throw new IllegalArgumentException("type required");
        }
        String t = text == null ? "" : text.strip();
        if (t.length() < TEXT_MIN || t.length() > TEXT_MAX) {
            throw new IllegalArgumentException("text must be " + TEXT_MIN + ".." + TEXT_MAX + " characters");
        }
        if (type == EntryType.ACTION_POINT && (ownerOrganisationId == null || dueDate == null)) {
            throw new IllegalArgumentException("an action point needs an owner organisation and a due date");
        }
        this.type = type;
        this.text = t;
        this.ownerOrganisationId = type == EntryType.ACTION_POINT ? ownerOrganisationId : null;
        this.dueDate = type == EntryType.ACTION_POINT ? dueDate : null;
        this.updatedAt = now;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() { return id; }
    public long getGroupId() { return groupId; }
    public EntryType getType() { return type; }
    public String getText() { return text; }
    public Long getOwnerOrganisationId() { return ownerOrganisationId; }
    public LocalDate getDueDate() { return dueDate; }
    public int getPosition() { return position; }
    public long getVersion() { return version; }
}
