package org.ngoplatform.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** One change to an outcome entry: who, when, before and after. Only organisers read these. */
@Entity
@Table(name = "outcome_revision")
class OutcomeRevision {

    enum Kind { CREATED, EDITED, DELETED, RESTORED }

    /** Same as account.display_name. */
    static final int AUTHOR_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 20)
    private Kind kind;

    @Column(name = "author_account_id")
    private Long authorAccountId;

    @Size(max = AUTHOR_MAX)
    @Column(name = "author_name", nullable = false, length = AUTHOR_MAX)
    private String authorName;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "type_before", length = 30)
    private EntryType typeBefore;

    @Size(max = OutcomeEntry.TEXT_MAX)
    @Column(name = "text_before", length = OutcomeEntry.TEXT_MAX)
    private String textBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "type_after", length = 30)
    private EntryType typeAfter;

    @Size(max = OutcomeEntry.TEXT_MAX)
    @Column(name = "text_after", length = OutcomeEntry.TEXT_MAX)
    private String textAfter;

    protected OutcomeRevision() {
    }

    OutcomeRevision(long entryId, long groupId, Kind kind, Long authorAccountId, String authorName, Instant at,
                    EntryType typeBefore, String textBefore, EntryType typeAfter, String textAfter) {
        this.entryId = entryId;
        this.groupId = groupId;
        this.kind = kind;
        this.authorAccountId = authorAccountId;
        this.authorName = authorName;
        this.changedAt = at;
        this.typeBefore = typeBefore;
        this.textBefore = textBefore;
        this.typeAfter = typeAfter;
        this.textAfter = textAfter;
    }

    /** Erasure of the author: the revision stays, with a stand-in name and no link to the account. */
    void forgetAuthor(String standInName) {
        this.authorAccountId = null;
        this.authorName = standInName;
    }

    Long getId() { return id; }
    long getEntryId() { return entryId; }
    long getGroupId() { return groupId; }
    Kind getKind() { return kind; }
    String getAuthorName() { return authorName; }
    Instant getChangedAt() { return changedAt; }
    EntryType getTypeBefore() { return typeBefore; }
    String getTextBefore() { return textBefore; }
    EntryType getTypeAfter() { return typeAfter; }
    String getTextAfter() { return textAfter; }
}
