package org.ngoplatform.workshop;

public record WorkshopGroupSummary(long id, long editionId, String title, String description, boolean plenary) {

    static WorkshopGroupSummary of(WorkshopGroup g) {
        return new WorkshopGroupSummary(g.getId(), g.getEditionId(), g.getTitle(), g.getDescription(), g.isPlenary());
    }
}
