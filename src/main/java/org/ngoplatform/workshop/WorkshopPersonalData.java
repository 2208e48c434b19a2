package org.ngoplatform.workshop;

import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.privacy.AccountErasure;
import org.ngoplatform.privacy.MyDataFile;
import org.ngoplatform.privacy.PersonalDataHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What workshop groups hold about a person, for "my data": the groups they facilitate and the outcome revisions
 * they wrote. On erasure they stop facilitating and their revisions keep a stand-in name, unlinked from them.
 * Group places in editions still to come are released by the registration's cancellation.
 */
@Component
@Order(200)
class WorkshopPersonalData implements PersonalDataHolder {

    private final WorkshopGroupRepository groups;
    private final OutcomeRevisionRepository revisions;
    private final EditionService editions;

    WorkshopPersonalData(WorkshopGroupRepository groups, OutcomeRevisionRepository revisions, EditionService editions) {
        this.groups = groups;
        this.revisions = revisions;
        this.editions = editions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void exportMine(MyDataFile file) {
        List<Map<String, Object>> facilitated = new ArrayList<>();
        for (WorkshopGroup g : groups.facilitatedBy(file.accountId())) {
            EditionSummary edition = editions.find(g.getEditionId()).orElse(null);
            facilitated.add(MyDataFile.row("city", edition == null ? null : edition.city(),
                    "edition_year", edition == null ? null : edition.year(), "title", g.getTitle(), "role", "facilitator"));
        }
        file.put("workshopGroups", facilitated);
        file.put("outcomeRevisions", revisions.findByAuthorAccountIdOrderByIdAsc(file.accountId()).stream()
                .map(r -> MyDataFile.row("group_id", r.getGroupId(), "change_kind", r.getKind().name(),
                        "changed_at", r.getChangedAt(), "text_before", r.getTextBefore(), "text_after", r.getTextAfter()))
                .toList());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(AccountErasure erasure) {
        int facilitated = 0;
        for (WorkshopGroup g : groups.facilitatedBy(erasure.accountId())) {
            if (g.removeFacilitator(erasure.accountId())) {
                facilitated++;
            }
        }
        erasure.count(AccountErasure.FACILITATOR_GROUPS, facilitated);
        revisions.findByAuthorAccountIdOrderByIdAsc(erasure.accountId())
                .forEach(r -> r.forgetAuthor(AccountErasure.ERASED_NAME));
        groups.flush();
    }
}
