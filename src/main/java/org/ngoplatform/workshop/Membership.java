package org.ngoplatform.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.Instant;

/** A participant's place in a workshop group. */
@Entity
@Table(name = "workshop_membership")
@IdClass(Membership.Key.class)
class Membership {

    record Key(Long groupId, Long accountId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(name = "session_slot", nullable = false, length = WorkshopGroup.SLOT_MAX)
    @Size(max = WorkshopGroup.SLOT_MAX)
    private String sessionSlot;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Membership() {
    }

    Membership(WorkshopGroup group, long accountId, Instant at) {
        this.groupId = group.getId();
        this.accountId = accountId;
        this.editionId = group.getEditionId();
        this.sessionSlot = slotKey(group);
        this.joinedAt = at;
    }

    static String slotKey(WorkshopGroup g) {
        if (g.getProgrammeSessionId() != null) return sessionKey(g.getProgrammeSessionId());
        return g.getSessionSlot() == null ? "" : g.getSessionSlot();
    }

    Long getGroupId() { return groupId; }
    Long getAccountId() { return accountId; }
    long getEditionId() { return editionId; }
    /** The key of a programme's workshop slot (a linked group has no free text, so the two kinds of key do not mix). */
    static String sessionKey(long sessionId) {
        return "session:" + sessionId;
    }

    String getSessionSlot() { return sessionSlot; }
}
