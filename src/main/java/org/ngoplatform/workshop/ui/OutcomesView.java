package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.workshop.EntryDraft;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.EntryView;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.OutcomeBroadcaster;
import org.ngoplatform.workshop.OutcomeConflictException;
import org.ngoplatform.workshop.OutcomeRejectedException;
import org.ngoplatform.workshop.OutcomeService;
import org.ngoplatform.workshop.WorkflowState;

import java.time.ZoneId;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A group's outcomes, captured live by its facilitators: every open screen shows changes within a second, an
 * edit on a stale version opens a side-by-side conflict dialog, and nothing typed is dropped by a refresh.
 * Entries carry no author (Chatham House rule).
 */
@Route("editions/:editionId/groups/:groupId")
@PermitAll
class OutcomesView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final OutcomeService outcomes;
    private final OutcomeBroadcaster broadcaster;
    private final EditionService editions;
    private final OrganisationService organisationService;
    private final MembershipService memberships;
    final Div roster = new Div();

    final Div facts = new Div();
    final Span presence = new Span();
    final Div entryList = new Div();
    final Div addArea = new Div();
    final Div workflowBar = new Div();
    final Button addButton = new Button();
    final Button submit = new Button();
    final Button approve = new Button();
    final Button lock = new Button();
    final Button unlock = new Button();
    final Button history = new Button();
    final H2 newHeading = new H2();
    EntryForm addForm;

    /** Entries being edited here: their form survives every live refresh. */
    final Map<Long, Editing> editing = new LinkedHashMap<>();

    private AccountPrincipal me;
    private long groupId;
    private GroupOutcomes current;
    private List<OrganisationRef> organisations = List.of();
    private OutcomeBroadcaster.Registration registration;
    private boolean guardArmed;
    private String title = "";
    private ZoneId zone = ZoneId.of("UTC");

    static final class Editing {
        final EntryForm form;
        long baseVersion;
        /** The box around the form, kept across renders; rebuilt only when "deleted meanwhile" changes. */
        Div box;
        boolean boxDeleted;

        Editing(EntryForm form, long baseVersion) {
            this.form = form;
            this.baseVersion = baseVersion;
        }
    }

    OutcomesView(OutcomeService outcomes, OutcomeBroadcaster broadcaster, EditionService editions,
                 OrganisationService organisationService, MembershipService memberships) {
        this.memberships = memberships;
        roster.setId("roster");
        roster.addClassName("roster");
        this.outcomes = outcomes;
        this.broadcaster = broadcaster;
        this.editions = editions;
        this.organisationService = organisationService;
        addClassName("page");
        addClassName("outcomes-page");
        setId("outcomes");
        facts.addClassName("edition-facts");
        presence.setId("presence");
        presence.addClassName("presence");
        entryList.setId("entries");
        entryList.addClassName("entry-list");
        addArea.setId("add-area");
        addArea.addClassName("entry-add");
        workflowBar.addClassName("workflow-bar");

        newHeading.setText(getTranslation("outcome.new"));
        addButton.setText(getTranslation("outcome.add"));
        addButton.setId("add-entry");
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addButton.addClickListener(e -> addEntry());
        submit.setText(getTranslation("workflow.submit"));
        submit.setId("submit-outcomes");
        submit.addClickListener(e -> workflow(() -> outcomes.submit(groupId), "workflow.submitted"));
        approve.setText(getTranslation("workflow.approve"));
        approve.setId("approve-outcomes");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(e -> workflow(() -> outcomes.approve(groupId), "workflow.approved"));
        lock.setText(getTranslation("workflow.lock"));
        lock.setId("lock-outcomes");
        lock.addClickListener(e -> workflow(() -> outcomes.lock(groupId), "workflow.locked"));
        unlock.setText(getTranslation("workflow.unlock"));
        unlock.setId("unlock-outcomes");
        unlock.addClickListener(e -> openUnlock());
        history.setText(getTranslation("history.open"));
        history.setId("open-history");
        history.addClickListener(e -> new HistoryDialog(outcomes, groupId,
                current != null && current.state().editable(), zone).open());
        workflowBar.add(submit, approve, lock, unlock, history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> editionId = event.getRouteParameters().getLong("editionId");
        Optional<Long> group = event.getRouteParameters().getLong("groupId");
        if (editionId.isEmpty() || group.isEmpty() || editions.find(editionId.get()).isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        me = CurrentAccount.require();
        groupId = group.get();
        try {
            current = outcomes.outcomes(groupId);
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        if (current.group().editionId() != editionId.get()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        zone = ZoneId.of(editions.find(editionId.get()).get().timeZone());
        organisations = organisationService.approved();
        title = current.group().title();
        removeAll();
        var backToEdition = new Anchor("editions/" + editionId.get(), getTranslation("outcome.back"));
        backToEdition.addClassName("back-link");
        add(backToEdition, new ViewHeader(title, workflowBar), facts, presence, roster,
                new Paragraph(getTranslation("outcome.chatham")), entryList, addArea);
        addForm = newAddForm();
        render(current);
        showRoster();
    }

    /** Members with name and organisation: only the group's facilitators and organisers see them. */
    private void showRoster() {
        roster.removeAll();
        if (!mayEdit(current)) {
            return;
        }
        List<MembershipService.Member> members = memberships.roster(groupId);
        var details = new Details(getTranslation("membership.roster", members.size()));
        if (members.isEmpty()) {
            details.add(new Paragraph(getTranslation("membership.roster.empty")));
        } else {
            var list = new UnorderedList();
            members.forEach(m -> list.add(new ListItem(m.organisation() == null ? m.displayName()
                    : getTranslation("membership.roster.line", m.displayName(), m.organisation()))));
            details.add(list);
        }
        roster.add(details);
    }

    private EntryForm newAddForm() {
        EntryForm form = new EntryForm(new EntryDraft(EntryType.KEY_POINT, "", null, null), organisations, this::updateGuard);
        form.setId("new-entry-form");
        form.text.setId("new-entry-text");
        form.type.setId("new-entry-type");
        return form;
    }

    // ------------------------------------------------------------ live updates

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (me == null || current == null) {
            return;
        }
        UI ui = event.getUI();
        registration = broadcaster.register(groupId, me.displayName(), new OutcomeBroadcaster.Listener() {
            @Override
            public void outcomesChanged(GroupOutcomes outcomes) {
                ui.access(() -> render(outcomes));
            }

            @Override
            public void presenceChanged(List<String> names) {
                ui.access(() -> showPresence(names));
            }
        });
        showPresence(broadcaster.present(groupId));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (registration != null) {
            registration.close();
            registration = null;
        }
        super.onDetach(event);
    }

    void showPresence(List<String> names) {
        List<String> others = new java.util.ArrayList<>(names);
        others.remove(me.displayName());
        presence.setText(others.isEmpty() ? getTranslation("presence.alone")
                : getTranslation("presence.others", String.join(", ", others)));
    }

    // ------------------------------------------------------------ rendering

    private boolean mayEdit(GroupOutcomes o) {
        return me.hasRole(Role.ORGANISER)
                || (me.hasRole(Role.FACILITATOR) && o.group().facilitatorIds().contains(me.accountId()));
    }

    private boolean mayRead(GroupOutcomes o) {
        return mayEdit(o) || me.hasRole(Role.ANALYST)
                || o.state() == WorkflowState.APPROVED || o.state() == WorkflowState.LOCKED;
    }

    boolean editable() {
        return current != null && current.state().editable() && mayEdit(current);
    }

    void render(GroupOutcomes snapshot) {
        current = snapshot;
        boolean organiser = me.hasRole(Role.ORGANISER);
        facts.removeAll();
        var g = snapshot.group();
        if (g.sessionSlot() != null) facts.add(new Span(g.sessionSlot()));
        if (g.room() != null) facts.add(new Span(g.room()));
        var state = new Span(getTranslation("workflow.state." + snapshot.state().name()));
        state.getElement().getThemeList().add(snapshot.state() == WorkflowState.DRAFT ? "badge" : "badge success");
        state.setId("workflow-state");
        facts.add(state);
        if (!g.facilitatorNames().isEmpty()) {
            facts.add(new Span(getTranslation("group.facilitators", String.join(", ", g.facilitatorNames()))));
        }

        submit.setVisible(editable());
        approve.setVisible(organiser && snapshot.state() == WorkflowState.SUBMITTED);
        lock.setVisible(organiser && snapshot.state() == WorkflowState.APPROVED);
        unlock.setVisible(organiser && snapshot.state() != WorkflowState.DRAFT);
        history.setVisible(organiser);

        if (!mayRead(snapshot)) {
            entryList.removeAll();
            entryList.add(new Paragraph(getTranslation("outcome.not-published")));
            addArea.setVisible(false);
            return;
        }
        List<Component> entries = new ArrayList<>();
        Set<Long> shown = new HashSet<>();
        for (EntryView e : snapshot.entries()) {
            shown.add(e.id());
            Editing ed = editing.get(e.id());
            // an open editor stays even if the group was locked meanwhile: the typed text must stay visible
            entries.add(ed != null ? editor(e.id(), ed, false) : card(e));
        }
        // entries deleted meanwhile by someone else while being edited here: the text stays
        for (Map.Entry<Long, Editing> ed : editing.entrySet()) {
            if (!shown.contains(ed.getKey())) {
                entries.add(editor(ed.getKey(), ed.getValue(), true));
            }
        }
        if (snapshot.entries().isEmpty() && editing.isEmpty()) {
            entries.add(new Paragraph(getTranslation("outcome.none")));
        }
        replaceChildren(entryList, entries);
        addArea.setVisible(editable());
        if (editable()) {
            replaceChildren(addArea, List.of(newHeading, addForm, addButton));
        } else if (snapshot.state() != WorkflowState.DRAFT) {
            addArea.setVisible(true);
            List<Component> readOnly = new ArrayList<>(List.of(new Paragraph(getTranslation("workflow.read-only"))));
            if (addForm.isDirty()) {
                // locked while someone was typing: keep their text on screen
                readOnly.add(addForm);
            }
            replaceChildren(addArea, readOnly);
        } else {
            addArea.removeAll();
        }
    }

    /**
     * Makes {@code wanted} the children of {@code parent}, leaving in place those already there in that order: a
     * live update must not detach the form someone is typing in, which would take the keyboard focus from them.
     */
    static void replaceChildren(Div parent, List<? extends Component> wanted) {
        Set<Component> keep = new HashSet<>(wanted);
        parent.getChildren().filter(c -> !keep.contains(c)).toList().forEach(parent::remove);
        for (int i = 0; i < wanted.size(); i++) {
            List<Component> now = parent.getChildren().toList();
            if (i >= now.size() || now.get(i) != wanted.get(i)) {
                parent.addComponentAtIndex(i, wanted.get(i));
            }
        }
    }

    private Div card(EntryView e) {
        var card = new Div();
        card.addClassName("entry-card");
        card.addClassName("entry-" + e.type().name().toLowerCase().replace('_', '-'));
        card.setId("entry-" + e.id());
        var type = new Span(getTranslation("outcome.type." + e.type().name()));
        type.getElement().getThemeList().add("badge");
        var text = new Paragraph(e.text());
        text.addClassName("entry-text");
        card.add(type, text);
        if (e.type() == EntryType.ACTION_POINT) {
            var meta = new Span(getTranslation("outcome.action-meta", nullToEmpty(e.ownerOrganisationName()),
                    e.dueDate() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(e.dueDate())));
            meta.addClassName("entry-meta");
            card.add(meta);
        }
        if (editable()) {
            var actions = new Div();
            actions.addClassName("entry-actions");
            actions.add(iconButton(VaadinIcon.EDIT, "outcome.edit", "edit-" + e.id(), () -> startEdit(e)));
            actions.add(iconButton(VaadinIcon.ARROW_UP, "outcome.up", "up-" + e.id(), () -> move(e, -1)));
            actions.add(iconButton(VaadinIcon.ARROW_DOWN, "outcome.down", "down-" + e.id(), () -> move(e, 1)));
            actions.add(iconButton(VaadinIcon.TRASH, "outcome.delete", "delete-" + e.id(), () -> confirmDelete(e)));
            card.add(actions);
        }
        return card;
    }

    private Button iconButton(VaadinIcon icon, String key, String id, Runnable action) {
        var b = new Button(new Icon(icon), ev -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setAriaLabel(getTranslation(key));
        b.setTooltipText(getTranslation(key));
        b.setId(id);
        return b;
    }

    private Div editor(long entryId, Editing ed, boolean deletedMeanwhile) {
        if (ed.box != null && ed.boxDeleted == deletedMeanwhile) {
            return ed.box;
        }
        var box = new Div();
        box.addClassName("entry-card");
        box.addClassName("entry-editing");
        box.setId("editor-" + entryId);
        if (deletedMeanwhile) {
            var note = new Paragraph(getTranslation("outcome.deleted-meanwhile"));
            note.addClassName("entry-warning");
            box.add(note);
        }
        var save = new Button(getTranslation("action.save"), e -> saveEdit(entryId));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-" + entryId);
        var cancel = new Button(getTranslation("action.cancel"), e -> {
            editing.remove(entryId);
            updateGuard();
            render(current);
            focus("edit-" + entryId);
        });
        cancel.setId("cancel-" + entryId);
        var buttons = new Div(save, cancel);
        buttons.addClassName("entry-actions");
        box.add(ed.form, buttons);
        ed.box = box;
        ed.boxDeleted = deletedMeanwhile;
        return box;
    }

    // ------------------------------------------------------------ actions

    private void startEdit(EntryView e) {
        EntryForm form = new EntryForm(EntryDraft.of(e), organisations, this::updateGuard);
        form.text.setId("edit-text-" + e.id());
        editing.put(e.id(), new Editing(form, e.version()));
        render(current);
        form.text.focus(); // the card with the Edit button pressed was replaced by the editor
    }

    void saveEdit(long entryId) {
        Editing ed = editing.get(entryId);
        if (ed == null) return;
        EntryDraft draft = ed.form.validDraft();
        if (draft == null) return;
        try {
            outcomes.update(entryId, ed.baseVersion, draft);
            editing.remove(entryId);
            updateGuard();
            refresh();
            focus("edit-" + entryId);
        } catch (OutcomeConflictException conflict) {
            new ConflictDialog(conflict.mine(), conflict.theirs(), text -> resolve(entryId, ed, conflict, text)).open();
        } catch (OutcomeRejectedException rejected) {
            error(rejected.messageKey());
        }
    }

    private void resolve(long entryId, Editing ed, OutcomeConflictException conflict, String text) {
        if (text == null) {
            editing.remove(entryId);
            updateGuard();
            refresh();
            return;
        }
        if (conflict.theirs() == null) {
            EntryDraft asNew = conflict.mine().copy();
            asNew.setText(text);
            try {
                outcomes.add(groupId, asNew);
                editing.remove(entryId);
                updateGuard();
                refresh();
            } catch (OutcomeRejectedException rejected) {
                error(rejected.messageKey());
            }
            return;
        }
        ed.baseVersion = conflict.theirs().version();
        ed.form.setText(text);
        saveEdit(entryId);
    }

    private void addEntry() {
        EntryDraft draft = addForm.validDraft();
        if (draft == null) return;
        try {
            outcomes.add(groupId, draft);
            addForm = newAddForm();
            updateGuard();
            refresh();
            // the Add button was re-attached with the fresh form and lost the focus: start the next outcome
            addForm.type.focus();
            Notification.show(getTranslation("outcome.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (OutcomeRejectedException rejected) {
            error(rejected.messageKey());
        }
    }

    private void move(EntryView e, int direction) {
        try {
            outcomes.move(e.id(), direction);
            refresh();
            // the cards are drawn anew: keep the focus on the arrow pressed, so it can be pressed again
            focus((direction < 0 ? "up-" : "down-") + e.id());
        } catch (OutcomeRejectedException rejected) {
            error(rejected.messageKey());
        }
    }

    private void confirmDelete(EntryView e) {
        var dialog = new ConfirmDialog(getTranslation("outcome.delete.title"), "",
                getTranslation("outcome.delete"), ev -> {
            try {
                outcomes.delete(e.id(), e.version());
            } catch (OutcomeConflictException changed) {
                error("outcome.changed-meanwhile");
            } catch (OutcomeRejectedException rejected) {
                error(rejected.messageKey());
            }
            refresh();
        });
        // the entry's text as a component: shown literally, whatever markup it contains
        var quoted = new Paragraph(e.text());
        quoted.addClassName("entry-text");
        dialog.setText(quoted);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-delete");
        dialog.open();
    }

    private void workflow(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (OutcomeRejectedException rejected) {
            error(rejected.messageKey());
        }
        refresh();
    }

    private void openUnlock() {
        var dialog = new Dialog();
        dialog.setId("unlock-dialog");
        dialog.setHeaderTitle(getTranslation("workflow.unlock.title"));
        var reason = new TextArea(getTranslation("workflow.unlock.reason"));
        reason.setId("unlock-reason");
        reason.setMaxLength(OutcomeService.REASON_MAX);
        reason.setMinLength(OutcomeService.REASON_MIN);
        reason.setRequired(true);
        reason.setI18n(new TextArea.TextAreaI18n()
                .setRequiredErrorMessage(getTranslation("workflow.reason-required"))
                .setMinLengthErrorMessage(getTranslation("workflow.reason-required"))
                .setMaxLengthErrorMessage(getTranslation("workflow.reason-required")));
        reason.setWidthFull();
        dialog.add(new Paragraph(getTranslation("workflow.unlock.text")), reason);
        var confirm = new Button(getTranslation("workflow.unlock"), e -> {
            try {
                outcomes.unlock(groupId, reason.getValue());
                dialog.close();
                Notification.show(getTranslation("workflow.unlocked")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (OutcomeRejectedException rejected) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation(rejected.messageKey()));
            }
        });
        confirm.setId("unlock-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void refresh() {
        render(outcomes.outcomes(groupId));
    }

    /** Moves the keyboard focus to the element with this id once the browser has the re-rendered page. */
    private void focus(String id) {
        getElement().executeJs("const e = document.getElementById($0); if (e) e.focus()", id);
    }

    private void error(String key) {
        Notification.show(getTranslation(key)).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    // ------------------------------------------------------------ unsaved text

    boolean hasUnsavedText() {
        return (addForm != null && addForm.isDirty()) || editing.values().stream().anyMatch(ed -> ed.form.isDirty());
    }

    /** Arms the browser's "leave page?" prompt while something typed is not saved. */
    private void updateGuard() {
        boolean dirty = hasUnsavedText();
        if (dirty == guardArmed) return;
        guardArmed = dirty;
        getElement().executeJs("window.ngoUnsaved = $0;"
                + "if (!window.ngoUnsavedGuard) { window.ngoUnsavedGuard = true;"
                + " window.addEventListener('beforeunload', function (e) { if (window.ngoUnsaved) { e.preventDefault(); e.returnValue = ''; } }); }",
                dirty);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!hasUnsavedText()) return;
        var action = event.postpone();
        var dialog = new ConfirmDialog(getTranslation("unsaved.title"), getTranslation("unsaved.text"),
                getTranslation("unsaved.leave"), e -> {
            guardArmed = false;
            getElement().executeJs("window.ngoUnsaved = false;");
            action.proceed();
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("unsaved.stay"));
        dialog.setId("unsaved-dialog");
        dialog.open();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
