package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.GroupForm;
import org.ngoplatform.workshop.GroupSlot;
import org.ngoplatform.workshop.MembershipService;
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
    private final ChoosingService choosing;
    final Div choosingLinks = new Div();
    final GroupMembersPanel members;
    final GroupFacilitatorsPanel facilitators;

    final Grid<WorkshopGroupSummary> grid = new Grid<>();
    /** Cards instead of columns on a phone. */
    final ResponsiveGrid<WorkshopGroupSummary> cards;
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
    Anchor report;
    final H2 formTitle = new H2();
    final BeanValidationBinder<GroupForm> binder = RequiredFields.binder(GroupForm.class);

    private long editionId;
    private WorkshopGroupSummary selected;
    private String pageTitle = "";

    GroupsAdminView(WorkshopService workshops, EditionService editions, AccountService accounts,
                    MembershipService memberships, ChoosingService choosing) {
        this.choosing = choosing;
        this.workshops = workshops;
        this.editions = editions;
        members = new GroupMembersPanel(workshops, memberships, this::refresh);
        facilitators = new GroupFacilitatorsPanel(workshops, accounts, updated -> {
            selected = updated;
            refresh();
        });
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

        // long titles, slots and names wrap (wrapping-grid, as every admin grid) rather than push the grid past 1280 px
        grid.addClassName("wrapping-grid");
        grid.addColumn(WorkshopGroupSummary::title).setHeader(getTranslation("group.field.title")).setWidth("11rem").setFlexGrow(2);
        grid.addColumn(g -> g.slotLabel(getLocale())).setHeader(getTranslation("group.field.slot")).setWidth("11rem").setFlexGrow(1);
        grid.addColumn(g -> g.room() == null ? "" : g.room()).setHeader(getTranslation("group.field.room")).setAutoWidth(true);
        grid.addColumn(this::places).setHeader(getTranslation("group.field.capacity")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("group.state")).setAutoWidth(true);
        grid.addColumn(GroupsAdminView::facilitatorNames).setHeader(getTranslation("group.facilitators.header")).setWidth("9rem").setFlexGrow(1);
        grid.addComponentColumn(this::outcomesLink).setAutoWidth(true);
        // on a phone each group is a card; tapping it selects the group for the form below, as a row does
        cards = ResponsiveGrid.cards(grid, getTranslation("group.admin.groups"), g -> new ResponsiveGrid.Card(g.title())
                .fact(getTranslation("group.field.slot"), g.slotLabel(getLocale()))
                .fact(getTranslation("group.field.room"), g.room())
                .fact(getTranslation("group.field.capacity"), places(g))
                .fact(getTranslation("group.state"), state(g))
                .fact(getTranslation("group.facilitators.header"), facilitatorNames(g))
                .actions(outcomesLink(g)));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) select(e.getValue());
        });
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("group.list.empty"));
    }

    private String places(WorkshopGroupSummary g) {
        return g.plenary() ? getTranslation("workshop.plenary") : g.capacity() == null ? "" : String.valueOf(g.capacity());
    }

    private String state(WorkshopGroupSummary g) {
        return getTranslation("workflow.state." + g.state().name());
    }

    private static String facilitatorNames(WorkshopGroupSummary g) {
        return String.join(", ", g.facilitatorNames());
    }

    private Anchor outcomesLink(WorkshopGroupSummary g) {
        return new Anchor("editions/" + g.editionId() + "/groups/" + g.id(), getTranslation("group.open-outcomes"));
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
        report = new Anchor("editions/" + editionId + "/report", getTranslation("report.open"));
        report.addClassName("button-link");
        add(new ViewHeader(pageTitle, newGroup, report),
                grid, formTitle, form, save, new H2(getTranslation("group.facilitators.header")), facilitators,
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
        facilitators.show(g);
        members.show(g);
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

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
