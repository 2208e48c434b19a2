package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.UnsavedChangesGuard;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.OutcomeAccess;
import org.ngoplatform.workshop.OutcomePresence;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A group's outcomes, captured live by its facilitators: every open screen shows changes within a second, an
 * edit on a stale version opens a side-by-side conflict dialog, and nothing typed is dropped by a refresh.
 * Entries carry no author (Chatham House rule). What each person may do is {@link OutcomeAccess}'s answer.
 */
@Route("editions/:editionId/groups/:groupId")
@PermitAll
class OutcomesView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final OutcomeService outcomes;
    private final LiveUpdates liveUpdates;
    private final OutcomePresence presenceOfGroup;
    private final EditionService editions;
    private final WorkshopService workshops;
    private final OrganisationService organisationService;
    private final GroupFacts facts = new GroupFacts();
    private final GroupRoster roster;
    private final UnsavedChangesGuard guard = new UnsavedChangesGuard(this, this::hasUnsavedText);
    WorkflowBar workflowBar;
    PresenceBar presence;
    OutcomeEntryList entryList;
    NewEntryArea newEntry;

    private AccountPrincipal me;
    private long groupId;
    private LiveOutcomes live;
    private String title = "";

    OutcomesView(OutcomeService outcomes, LiveUpdates liveUpdates, OutcomePresence presenceOfGroup, EditionService editions,
                 OrganisationService organisationService, MembershipService memberships, WorkshopService workshops) {
        this.outcomes = outcomes;
        this.liveUpdates = liveUpdates;
        this.presenceOfGroup = presenceOfGroup;
        this.workshops = workshops;
        this.editions = editions;
        this.organisationService = organisationService;
        this.roster = new GroupRoster(memberships);
        addClassName("page");
        addClassName("outcomes-page");
        setId("outcomes");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<EditionSummary> edition = RouteIds.find(event, "editionId", editions::find);
        if (edition.isEmpty()) {
            return;
        }
        long editionId = edition.get().id();
        Optional<WorkshopGroupSummary> group = RouteIds.find(event, "groupId",
                id -> workshops.findGroup(id).filter(g -> g.editionId() == editionId));
        if (group.isEmpty()) {
            return;
        }
        me = CurrentAccount.require();
        groupId = group.get().id();
        GroupOutcomes current;
        try {
            current = outcomes.outcomes(groupId);
        } catch (org.springframework.security.access.AccessDeniedException notYetPublished) {
            showNotPublished(editionId, group.get().title());
            return;
        }
        ZoneId zone = ZoneId.of(edition.get().timeZone());
        List<OrganisationRef> organisations = organisationService.approved();
        title = current.group().title();
        workflowBar = new WorkflowBar(outcomes, groupId, zone, this::refresh);
        presence = new PresenceBar(me.displayName());
        var editing = new GroupOutcomesEditing(outcomes, groupId, organisations, guard::update, this::refresh);
        entryList = new OutcomeEntryList(editing);
        newEntry = new NewEntryArea(editing);
        removeAll();
        var backToEdition = new Anchor("editions/" + editionId, getTranslation("outcome.back"));
        backToEdition.addClassName("back-link");
        add(backToEdition, new ViewHeader(title, workflowBar), facts, presence, roster,
                new Paragraph(getTranslation("outcome.chatham")), entryList, newEntry);
        render(current);
        roster.show(groupId, access(current).maySeeRoster());
        if (live != null) live.stop();
        // follows while attached, and at once when this view is shown again for another group
        live = new LiveOutcomes(this, liveUpdates, presenceOfGroup, groupId, me.displayName(), this::render, presence::show);
    }

    /** A group the caller may not read yet (a draft): it exists, its outcomes are not published. */
    private void showNotPublished(long editionId, String groupTitle) {
        if (live != null) {
            live.stop();
            live = null;
        }
        title = groupTitle;
        removeAll();
        var backToEdition = new Anchor("editions/" + editionId, getTranslation("outcome.back"));
        backToEdition.addClassName("back-link");
        var note = new Paragraph(getTranslation("outcome.not-published"));
        note.setId("outcome-not-published");
        add(backToEdition, new ViewHeader(title), note);
    }

    /** Rendered with the account that opened the page: live updates arrive without a security context. */
    private OutcomeAccess access(GroupOutcomes snapshot) {
        return OutcomeAccess.of(me, snapshot.group().facilitatorIds());
    }

    void render(GroupOutcomes snapshot) {
        OutcomeAccess access = access(snapshot);
        facts.show(snapshot);
        workflowBar.show(snapshot, access);
        if (!access.mayRead(snapshot.state())) {
            entryList.showNotPublished();
            newEntry.setVisible(false);
            return;
        }
        boolean editable = access.mayEditNow(snapshot.state());
        entryList.show(snapshot.entries(), editable);
        newEntry.show(snapshot.state(), editable);
    }

    private void refresh() {
        render(outcomes.outcomes(groupId));
    }

    boolean hasUnsavedText() {
        return (newEntry != null && newEntry.hasUnsavedText()) || (entryList != null && entryList.hasUnsavedText());
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        guard.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
