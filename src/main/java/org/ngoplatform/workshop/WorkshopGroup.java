package org.ngoplatform.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A workshop group of an edition, or a plenary session everyone belongs to. */
@Entity
@Table(name = "workshop_group")
public class WorkshopGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 4000)
    private String description;

    @Column(nullable = false)
    private boolean plenary;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Version
    private long version;

    protected WorkshopGroup() {
    }

    public Long getId() { return id; }
    public long getEditionId() { return editionId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public boolean isPlenary() { return plenary; }
    public int getSortOrder() { return sortOrder; }
}
