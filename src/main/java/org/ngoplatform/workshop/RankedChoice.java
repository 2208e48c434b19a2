package org.ngoplatform.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One choice of a participant's ranking of a slot's groups ({@code choiceNo} 1 is the first choice). */
@Entity
@Table(name = "workshop_ranked_choice")
@IdClass(RankedChoice.Key.class)
class RankedChoice {

    record Key(Long sessionId, Long accountId, Integer choiceNo) implements Serializable {
        Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "choice_no")
    private Integer choiceNo;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @Column(name = "first_ranked_at", nullable = false)
    private Instant firstRankedAt;

    protected RankedChoice() {
    }

    RankedChoice(long sessionId, long accountId, int choiceNo, long groupId, Instant firstRankedAt) {
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.choiceNo = choiceNo;
        this.groupId = groupId;
        this.firstRankedAt = firstRankedAt;
    }

    Long getSessionId() { return sessionId; }
    Long getAccountId() { return accountId; }
    int getChoiceNo() { return choiceNo; }
    long getGroupId() { return groupId; }
    Instant getFirstRankedAt() { return firstRankedAt; }
}
