package org.ngoplatform.workshop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an organiser fills in to define a workshop group. */
public class GroupForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = WorkshopGroup.TITLE_MAX, message = "{validation.too-long}")
    private String title = "";

    @Size(max = WorkshopGroup.DESCRIPTION_MAX, message = "{validation.too-long}")
    private String description = "";

    @Size(max = WorkshopGroup.SLOT_MAX, message = "{validation.too-long}")
    private String sessionSlot = "";

    /** The workshop slot of the edition's programme the group meets in; none keeps the old free text. */
    private Long programmeSessionId;

    @Size(max = WorkshopGroup.ROOM_MAX, message = "{validation.too-long}")
    private String room = "";

    @Min(value = 1, message = "{validation.min}")
    @Max(value = WorkshopGroup.CAPACITY_MAX, message = "{validation.max}")
    private Integer capacity;

    private boolean plenary;

    public static GroupForm of(WorkshopGroupSummary g) {
        GroupForm f = new GroupForm();
        f.title = g.title();
        f.description = g.description() == null ? "" : g.description();
        f.sessionSlot = g.sessionSlot() == null ? "" : g.sessionSlot();
        f.programmeSessionId = g.programmeSessionId();
        f.room = g.room() == null ? "" : g.room();
        f.capacity = g.capacity();
        f.plenary = g.plenary();
        return f;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSessionSlot() { return sessionSlot; }
    public void setSessionSlot(String sessionSlot) { this.sessionSlot = sessionSlot; }
    public Long getProgrammeSessionId() { return programmeSessionId; }
    public void setProgrammeSessionId(Long programmeSessionId) { this.programmeSessionId = programmeSessionId; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public boolean isPlenary() { return plenary; }
    public void setPlenary(boolean plenary) { this.plenary = plenary; }
}
