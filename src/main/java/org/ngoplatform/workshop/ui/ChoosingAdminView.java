package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.workshop.AllocationPreview;
import org.ngoplatform.workshop.ChoosingForm;
import org.ngoplatform.workshop.ChoosingRejectedException;
import org.ngoplatform.workshop.ChoosingService;
import org.ngoplatform.workshop.RankingService;
import org.ngoplatform.workshop.ChoosingSummary;
import org.ngoplatform.workshop.GroupSlot;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopRejectedException;
import org.ngoplatform.workshop.allocation.Ranking;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Organisers run ranked choosing of one workshop slot: open it with a deadline (in the edition's zone), compute the
 * optimal allocation under the published seed next to the first-come-first-served baseline, move people by hand,
 * publish, and unpublish to allocate again.
 */
@Route("admin/choosing/:sessionId")
@RolesAllowed("ORGANISER")
class ChoosingAdminView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ChoosingService choosing;
    private final RankingService ranking;
    final DateTimePicker closesAt = new DateTimePicker();
    final Button open = new Button();
    final Paragraph status = new Paragraph();
    final Button compute = new Button();
    final Button publish = new Button();
    final Button unpublish = new Button();
    final Div preview = new Div();
    private final FieldErrors rejections = new FieldErrors(this, FieldErrors.notification(5000, Notification.Position.MIDDLE))
            .on(closesAt, "closesAt");
    private GroupSlot slot;
    private AllocationPreview current;
    private String pageTitle = "";

    ChoosingAdminView(ChoosingService choosing, RankingService ranking) {
        this.ranking = ranking;
        this.choosing = choosing;
        addClassName("page");
        setId("choosing-admin");
        closesAt.setId("choosing-closes");
        closesAt.setRequiredIndicatorVisible(true);
        AriaRequired.onInputs(closesAt);
        open.setId("choosing-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickListener(e -> openChoosing());
        status.setId("choosing-status");
        compute.setText(getTranslation("choosing.compute"));
        compute.setId("choosing-compute");
        compute.addClickListener(e -> act(() -> current = choosing.preview(slot.sessionId()), null));
        publish.setText(getTranslation("choosing.publish"));
        publish.setId("choosing-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        publish.addClickListener(e -> act(() -> {
            int placed = choosing.publish(current);
            current = null;
            return placed;
        }, "choosing.published"));
        unpublish.setText(getTranslation("choosing.unpublish"));
        unpublish.setId("choosing-unpublish");
        unpublish.addThemeVariants(ButtonVariant.LUMO_ERROR);
        unpublish.addClickListener(e -> act(() -> choosing.unpublish(slot.sessionId()), "choosing.unpublished"));
        preview.setId("choosing-preview");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "sessionId", choosing::slotFor).ifPresent(this::enter);
    }

    private void enter(GroupSlot found) {
        slot = found;
        pageTitle = getTranslation("choosing.admin.title", slot.title());
        removeAll();
        closesAt.setLabel(getTranslation("choosing.field.closes", slot.zone().getId()));
        closesAt.setHelperText(getTranslation("choosing.field.closes.help"));
        var slotLine = new Paragraph(slot.label(getLocale()));
        slotLine.setId("choosing-slot");
        var form = new Div(closesAt, open);
        form.addClassName("inline-form");
        var actions = new Div(compute, publish, unpublish);
        actions.addClassName("entry-actions");
        add(new ViewHeader(pageTitle), slotLine, status, form, actions, preview);
        refresh();
    }

    private void refresh() {
        Optional<ChoosingSummary> c = ranking.choosing(slot.sessionId());
        boolean published = c.map(ChoosingSummary::published).orElse(false);
        if (c.isEmpty()) {
            status.setText(getTranslation("choosing.status.none"));
        } else if (published) {
            status.setText(getTranslation("choosing.status.published", c.get().closes(getLocale()), String.valueOf(c.get().seed())));
        } else {
            status.setText(getTranslation("choosing.status.open", c.get().closes(getLocale()), String.valueOf(c.get().seed())));
        }
        c.ifPresent(x -> closesAt.setValue(x.closesLocal()));
        open.setText(getTranslation(c.isEmpty() ? "choosing.open" : "choosing.change-deadline"));
        open.setEnabled(!published);
        closesAt.setReadOnly(published);
        compute.setVisible(c.isPresent() && !published);
        publish.setVisible(current != null);
        unpublish.setVisible(published);
        showPreview();
    }

    private void showPreview() {
        preview.removeAll();
        if (current == null) return;
        preview.add(new H2(getTranslation("choosing.preview.title")));
        var seed = new Paragraph(getTranslation("choosing.preview.seed", String.valueOf(current.choosing().seed())));
        seed.setId("choosing-seed");
        preview.add(seed, new AllocationFigures(current));
        preview.add(new H2(getTranslation("choosing.people.title")));
        if (current.draft().problem().rankings().isEmpty()) {
            preview.add(new Paragraph(getTranslation("choosing.people.none")));
        }
        for (Ranking r : current.draft().problem().rankings()) {
            preview.add(person(r));
        }
    }

    /** One person: their place in the draft (which choice it is) and where to move them. */
    private Div person(Ranking r) {
        long id = r.participantId();
        String name = current.nameOf(id);
        Optional<Long> group = current.draft().groupOf(id);
        String place = group.map(g -> {
            int choice = r.choiceOf(g);
            return choice > 0 ? getTranslation("choosing.people.place", current.groupTitle(g), choice)
                    : getTranslation("choosing.people.outside", current.groupTitle(g));
        }).orElse(getTranslation("choosing.people.without"));
        var moveTo = new ComboBox<WorkshopGroupSummary>();
        moveTo.setItems(current.groups().stream().filter(g -> group.map(x -> x != g.id()).orElse(true)).toList());
        moveTo.setItemLabelGenerator(g -> getTranslation("choosing.people.move-option", g.title(),
                current.draft().freeSeats(g.id())));
        moveTo.setPlaceholder(getTranslation("membership.move-to"));
        moveTo.setAriaLabel(getTranslation("membership.move-to.label", name));
        moveTo.setId("choosing-move-" + id);
        moveTo.addValueChangeListener(e -> {
            if (e.getValue() == null || !e.isFromClient()) return;
            act(() -> current = choosing.move(current, id, e.getValue().id()), "membership.moved");
        });
        var row = new Div(new Span(name), new Span(place), moveTo);
        row.addClassName("member-row");
        row.setId("choosing-person-" + id);
        return row;
    }

    private void openChoosing() {
        closesAt.setInvalid(false);
        if (closesAt.getValue() == null) {
            rejections.show("closesAt", getTranslation("choosing.invalid.closesAt.required"));
            return;
        }
        act(() -> choosing.open(slot.sessionId(), ChoosingForm.closingAt(closesAt.getValue())), "choosing.saved");
    }

    /** Runs a service call; a refusal is shown next to its field or as a notification, and the page redrawn. */
    private void act(Supplier<?> action, String doneKey) {
        try {
            action.get();
            if (doneKey != null) {
                Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        } catch (ChoosingRejectedException rejected) {
            rejections.show(rejected.field(), getTranslation(rejected.messageKey()));
        } catch (WorkshopRejectedException rejected) {
            rejections.show(null, getTranslation(rejected.messageKey()));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    /** A link to this page for a slot, for the groups admin. */
    static Anchor link(long sessionId, String text) {
        var link = new Anchor("admin/choosing/" + sessionId, text);
        link.setId("choosing-link-" + sessionId);
        return link;
    }
}
