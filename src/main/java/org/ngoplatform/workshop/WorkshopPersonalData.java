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
 * they wrote, and their ranked workshop choices. On erasure they stop facilitating, their revisions keep a stand-in
 * name, unlinked from them, and their rankings are deleted.
 * Group places in editions still to come are released by the registration's cancellation.
 */
@Component
@Order(200)
class WorkshopPersonalData implements PersonalDataHolder {

    private final WorkshopGroupRepository groups;
    private final OutcomeRevisionRepository revisions;
    private final EditionService editions;
    private final RankedChoiceRepository rankings;

    WorkshopPersonalData(WorkshopGroupRepository groups, OutcomeRevisionRepository revisions, EditionService editions,
                         RankedChoiceRepository rankings) {
        this.rankings = rankings;
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
        file.put("workshopRankings", rankings.findByAccountIdOrderBySessionIdAscChoiceNoAsc(file.accountId()).stream()
                .map(r -> MyDataFile.row("workshop_slot_session_id", r.getSessionId(), "choice", r.getChoiceNo(),
                        "group", groups.findById(r.getGroupId()).map(WorkshopGroup::getTitle).orElse(null),
                        "first_ranked_at", r.getFirstRankedAt()))
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
        List<RankedChoice> ranked = rankings.findByAccountIdOrderBySessionIdAscChoiceNoAsc(erasure.accountId());
        erasure.count("workshop ranking choices", ranked.size());
        rankings.deleteAll(ranked);
        rankings.flush();
    }
}
