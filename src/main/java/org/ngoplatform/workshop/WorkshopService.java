package org.ngoplatform.workshop;

import org.ngoplatform.edition.EditionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
public class WorkshopService {

    private final WorkshopGroupRepository groups;
    private final EditionService editions;

    WorkshopService(WorkshopGroupRepository groups, EditionService editions) {
        this.groups = groups;
        this.editions = editions;
    }

    /** The groups of an edition the caller may see. */
    @Transactional(readOnly = true)
    public List<WorkshopGroupSummary> groupsOf(long editionId) {
        editions.require(editionId);
        return groups.findByEditionIdOrderBySortOrderAscIdAsc(editionId).stream().map(WorkshopGroupSummary::of).toList();
    }
}
