package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.GroupSlot;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.MembershipRejectedException;
import org.ngoplatform.workshop.WorkshopGroupRejectedException;
import org.ngoplatform.workshop.WorkshopGroup;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;

import java.util.List;

/** Organisers define an edition's workshop groups and assign facilitators. */
@Route("admin/editions/:editionId/groups")
@RolesAllowed("ORGANISER")
class GroupsAdminView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkshopService workshops;
    private final EditionService editions;
    private final AccountService accounts;
    private final MembershipService memberships;
    private final ChoosingService choosing;
    final Div choosingLinks = new Div();
    final Div members = new Div();

    final Grid<WorkshopGroupSummary> grid = new Grid<>();
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<GroupSlot> slot = new ComboBox<>();
    /** Old free text of a group not yet linked to a slot, shown read-only. */
    final TextField oldSlot = new TextField();
    private List<GroupSlot> slots = List.of();
    final TextField room = new TextField();
    final IntegerField capacity = new IntegerField();
    final Checkbox plenary = new Checkbox();
    final Button save = new Button();
    final Button newGroup = new Button();
    final ComboBox<AccountSummary> facilitator = new ComboBox<>();
    final Button addFacilitator = new Button();
    final Div facilitators = new Div();
    Anchor report;
    final H2 formTitle = new H2();
    final BeanValidationBinder<GroupForm> binder = RequiredFields.binder(GroupForm.class);

    private long editionId;
    private WorkshopGroupSummary selected;
    private String pageTitle = "";

    GroupsAdminView(WorkshopService workshops, EditionService editions, AccountService accounts,
                    MembershipService memberships, ChoosingService choosing) {
        this.choosing = choosing;
        this.memberships = memberships;
        members.setId("group-members");
        members.addClassName("member-list");
        this.workshops = workshops;
        this.editions = editions;
        this.accounts = accounts;
        addClassName("page");
        setId("groups-admin");

        title.setLabel(getTranslation("group.field.title"));
        title.setMaxLength(WorkshopGroup.TITLE_MAX);
        title.setId("group-title");
        title.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
        description.setLabel(getTranslation("group.field.description"));
        description.setMaxLength(WorkshopGroup.DESCRIPTION_MAX);
        description.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
        description.setId("group-description");
        slot.setLabel(getTranslation("group.field.slot"));
        slot.setHelperText(getTranslation("group.field.slot.help"));
        slot.setItemLabelGenerator(s -> s.label(getLocale()));
        slot.setClearButtonVisible(true);
        slot.setId("group-slot");
        oldSlot.setLabel(getTranslation("group.field.old-slot"));
        oldSlot.setHelperText(getTranslation("group.field.old-slot.help"));
        oldSlot.setReadOnly(true);
        oldSlot.setMaxLength(WorkshopGroup.SLOT_MAX);
        oldSlot.setId("group-old-slot");
        room.setLabel(getTranslation("group.field.room"));
        room.setMaxLength(WorkshopGroup.ROOM_MAX);
        room.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
        room.setId("group-room");
        capacity.setLabel(getTranslation("group.field.capacity"));
        capacity.setMin(1);
        capacity.setMax(WorkshopGroup.CAPACITY_MAX);
        capacity.setStepButtonsVisible(true);
        capacity.setId("group-capacity");
        plenary.setLabel(getTranslation("group.field.plenary"));
        binder.forField(title).asRequired(getTranslation("validation.required")).bind("title");
        binder.forField(description).bind("description");
        binder.forField(slot).withConverter(s -> s == null ? null : s.sessionId(),
                id -> id == null ? null : slots.stream().filter(s -> s.sessionId() == id).findFirst().orElse(null))
                .bind("programmeSessionId");
        binder.forField(room).bind("room");
        binder.forField(capacity).bind("capacity");
        binder.forField(plenary).bind("plenary");
        binder.setBean(new GroupForm());

        save.setText(getTranslation("action.save"));
        save.setId("group-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        newGroup.setText(getTranslation("group.new"));
        newGroup.setId("group-new");
        newGroup.addClickListener(e -> select(null));

        facilitator.setLabel(getTranslation("group.facilitator.pick"));
        facilitator.setItemLabelGenerator(a -> a.displayName() + " <" + a.email() + ">");
        facilitator.setItems(q -> accounts.page(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        facilitator.setId("facilitator-pick");
        facilitator.setWidth("min(100%, 28em)");
        addFacilitator.setText(getTranslation("group.facilitator.add"));
        addFacilitator.setId("facilitator-add");
        addFacilitator.addClickListener(e -> addFacilitator());
        facilitators.addClassName("chips");

        grid.addColumn(WorkshopGroupSummary::title).setHeader(getTranslation("group.field.title")).setAutoWidth(true).setFlexGrow(1);
        // a slot's label is long (day, times, zone, title): it wraps in a column of its own width, the grid fits 1280 px
        grid.addColumn(g -> g.slotLabel(getLocale())).setHeader(getTranslation("group.field.slot")).setWidth("14em").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(g -> g.room() == null ? "" : g.room()).setHeader(getTranslation("group.field.room")).setAutoWidth(true);
        grid.addColumn(g -> g.plenary() ? getTranslation("workshop.plenary") : g.capacity() == null ? "" : String.valueOf(g.capacity()))
                .setHeader(getTranslation("group.field.capacity")).setAutoWidth(true);
        grid.addColumn(g -> getTranslation("workflow.state." + g.state().name())).setHeader(getTranslation("group.state")).setAutoWidth(true);
        grid.addColumn(g -> String.join(", ", g.facilitatorNames())).setHeader(getTranslation("group.facilitators.header")).setAutoWidth(true);
        grid.addComponentColumn(g -> new Anchor("editions/" + g.editionId() + "/groups/" + g.id(), getTranslation("group.open-outcomes")))
                .setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) select(e.getValue());
        });
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("group.list.empty"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(this::enter);
    }

    private void enter(EditionSummary edition) {
        editionId = edition.id();
        pageTitle = getTranslation("group.admin.title", edition.title());
        removeAll();
        slots = workshops.workshopSlots(editionId);
        slot.setItems(slots);
        if (slots.isEmpty()) {
            slot.setHelperText(getTranslation("group.field.slot.none"));
        }
        var form = new FormLayout(title, slot, oldSlot, room, capacity, plenary, description);
        form.setColspan(description, 2);
        var facilitatorRow = new Div(facilitator, addFacilitator);
        facilitatorRow.addClassName("inline-form");
        report = new Anchor("editions/" + editionId + "/report", getTranslation("report.open"));
        report.addClassName("button-link");
        add(new ViewHeader(pageTitle, newGroup, report),
                grid, formTitle, form, save, new H2(getTranslation("group.facilitators.header")), facilitators, facilitatorRow,
                new H2(getTranslation("membership.members")), members,
                new H2(getTranslation("choosing.links.title")), choosingLinks);
        refresh();
        select(null);
    }

    private void refresh() {
        List<WorkshopGroupSummary> all = workshops.groupsOf(editionId);
        grid.setItems(all);
        choosingLinks.removeAll();
        choosingLinks.add(new ChoosingLinks(slots, all, choosing.progress(editionId)));
    }

    void select(WorkshopGroupSummary g) {
        selected = g;
        binder.setBean(g == null ? new GroupForm() : GroupForm.of(g));
        boolean oldText = g != null && g.programmeSessionId() == null && g.sessionSlot() != null && !g.sessionSlot().isBlank();
        oldSlot.setValue(oldText ? g.sessionSlot() : "");
        oldSlot.setVisible(oldText);
        formTitle.setText(getTranslation(g == null ? "group.new" : "group.edit", g == null ? "" : g.title()));
        facilitator.setEnabled(g != null);
        addFacilitator.setEnabled(g != null);
        showFacilitators();
        showMembers();
    }

    /** The selected group's members; each can be moved to another group of the same slot, or removed. */
    void showMembers() {
        members.removeAll();
        if (selected == null) {
            members.add(new Span(getTranslation("membership.save-first")));
            return;
        }
        if (selected.plenary()) {
            members.add(new Span(getTranslation("membership.plenary-everyone")));
            return;
        }
        List<MembershipService.MemberSummary> roster = memberships.roster(selected.id());
        if (roster.isEmpty()) {
            members.add(new Span(getTranslation("membership.roster.empty")));
            return;
        }
        List<WorkshopGroupSummary> targets = workshops.groupsOf(editionId).stream()
                .filter(g -> !g.plenary() && g.id() != selected.id() && g.slotKey().equals(selected.slotKey()))
                .toList();
        for (MembershipService.MemberSummary m : roster) {
            var name = new Span(m.organisation() == null ? m.displayName()
                    : getTranslation("membership.roster.line", m.displayName(), m.organisation()));
            var moveTo = new ComboBox<WorkshopGroupSummary>();
            moveTo.setItems(targets);
            moveTo.setItemLabelGenerator(WorkshopGroupSummary::title);
            moveTo.setPlaceholder(getTranslation("membership.move-to"));
            moveTo.setAriaLabel(getTranslation("membership.move-to.label", m.displayName()));
            moveTo.setId("move-" + m.accountId());
            moveTo.setEnabled(!targets.isEmpty());
            moveTo.addValueChangeListener(e -> {
                if (e.getValue() == null || !e.isFromClient()) return;
                memberAction(() -> memberships.move(m.accountId(), e.getValue().id()), "membership.moved");
            });
            var remove = new Button(getTranslation("membership.remove"),
                    e -> memberAction(() -> memberships.remove(m.accountId(), selected.id()), "membership.removed"));
            remove.setId("remove-member-" + m.accountId());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var row = new Div(name, moveTo, remove);
            row.addClassName("member-row");
            members.add(row);
        }
    }

    private void memberAction(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (MembershipRejectedException rejected) {
            Notification.show(getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        showMembers();
    }

    private void showFacilitators() {
        facilitators.removeAll();
        if (selected == null) {
            facilitators.add(new Span(getTranslation("group.facilitators.save-first")));
            return;
        }
        var ids = selected.facilitatorIds().stream().sorted().toList();
        var names = accounts.displayNames(ids);
        for (Long id : ids) {
            var remove = new Button(getTranslation("group.facilitator.remove"), e -> {
                selected = workshops.removeFacilitator(selected.id(), id);
                refresh();
                showFacilitators();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var chip = new Div(new Span(names.getOrDefault(id, "#" + id)), remove);
            chip.addClassName("chip");
            facilitators.add(chip);
        }
    }

    void save() {
        if (!binder.validate().isOk()) return;
        try {
            selected = selected == null ? workshops.createGroup(editionId, binder.getBean())
                    : workshops.updateGroup(selected.id(), selected.version(), binder.getBean());
            Notification.show(getTranslation("group.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            select(selected);
        } catch (WorkshopGroupRejectedException rejected) {
            String message = getTranslation(rejected.messageKey());
            rejections.show(rejected.messageKey(), message);
            Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Workshop refusals name no field: their message key says which one. The notification shows every refusal. */
    private final FieldErrors rejections = new FieldErrors(this, message -> { }).on(title, "group.invalid.title")
            .on(description, "group.invalid.description").on(slot, "group.invalid.programmeSessionId", "group.slot-conflict").on(room, "group.invalid.room")
            .on(capacity, "group.invalid.capacity", "group.capacity-below-members");

    private void addFacilitator() {
        if (selected == null || facilitator.getValue() == null) {
            facilitator.setInvalid(true);
            facilitator.setErrorMessage(getTranslation("validation.required"));
            return;
        }
        selected = workshops.addFacilitator(selected.id(), facilitator.getValue().id());
        facilitator.clear();
        refresh();
        showFacilitators();
        Notification.show(getTranslation("group.facilitator.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
