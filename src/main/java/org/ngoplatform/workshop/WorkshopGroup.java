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

import java.util.HashSet;
import java.util.Set;

/** A workshop group of an edition, or a plenary session everyone belongs to. */
@Entity
@Table(name = "workshop_group")
public class WorkshopGroup {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int SLOT_MAX = 100;
    public static final int ROOM_MAX = 100;
    public static final int CAPACITY_MAX = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Size(max = TITLE_MAX)
    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Size(max = DESCRIPTION_MAX)
    @Column(length = DESCRIPTION_MAX)
    private String description;

    @Column(nullable = false)
    private boolean plenary;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Size(max = SLOT_MAX)
    @Column(name = "session_slot", length = SLOT_MAX)
    private String sessionSlot;

    /** The programme's workshop-slot session the group meets in (programme module's id; no foreign key). */
    @Column(name = "programme_session_id")
    private Long programmeSessionId;

    @Size(max = ROOM_MAX)
    @Column(length = ROOM_MAX)
    private String room;

    private Integer capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "workflow_state", nullable = false, length = 20)
    private WorkflowState state = WorkflowState.DRAFT;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "workshop_facilitator", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "account_id")
    private Set<Long> facilitatorIds = new HashSet<>();

    @Version
    private long version;

    protected WorkshopGroup() {
    }

    WorkshopGroup(long editionId, int sortOrder) {
        this.editionId = editionId;
        this.sortOrder = sortOrder;
    }

    /** The entity guards its own limits whatever the form and service did. */
    void apply(GroupForm form) {
        this.title = EntityText.required(form.getTitle(), TITLE_MAX, "title");
        this.description = EntityText.optional(form.getDescription(), DESCRIPTION_MAX, "description");
        this.programmeSessionId = form.getProgrammeSessionId();
        // a picked slot replaces the old free text; without one the free text stays as it was
        this.sessionSlot = programmeSessionId != null ? null : EntityText.optional(form.getSessionSlot(), SLOT_MAX, "session slot");
        this.room = EntityText.optional(form.getRoom(), ROOM_MAX, "room");
        this.capacity = form.isPlenary() ? null : form.getCapacity();
        this.plenary = form.isPlenary();
    }

    void changeState(WorkflowState next) {
        this.state = next;
    }

    boolean addFacilitator(long accountId) {
        return facilitatorIds.add(accountId);
    }

    boolean removeFacilitator(long accountId) {
        return facilitatorIds.remove(accountId);
    }

    public Long getId() { return id; }
    public long getEditionId() { return editionId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public boolean isPlenary() { return plenary; }
    public int getSortOrder() { return sortOrder; }
    public String getSessionSlot() { return sessionSlot; }
    public Long getProgrammeSessionId() { return programmeSessionId; }
    public String getRoom() { return room; }
    public Integer getCapacity() { return capacity; }
    public WorkflowState getState() { return state; }
    public Set<Long> getFacilitatorIds() { return Set.copyOf(facilitatorIds); }
    public long getVersion() { return version; }
}
