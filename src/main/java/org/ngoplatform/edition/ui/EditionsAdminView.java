package org.ngoplatform.edition.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.AriaRequired;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.Edition;
import org.ngoplatform.edition.EditionForm;
import org.ngoplatform.edition.EditionRejectedException;
import org.ngoplatform.edition.EditionSeatPolicy;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Organisers create, edit, open, close and archive editions. */
@Route("admin/editions")
@RolesAllowed(Role.ORGANISER_NAME)
@Menu(order = 80, title = "menu.editions", icon = "vaadin:calendar")
class EditionsAdminView extends Div implements HasDynamicTitle {

    final ComboBox<EditionStatus> statusFilter = new ComboBox<>();
    final IntegerField yearFilter = new IntegerField();
    final Grid<EditionSummary> grid = new Grid<>();
    final Button create = new Button();
    /** The open form, for tests. */
    EditionFormDialog dialog;
    /** Cards instead of columns on a phone. */
    ResponsiveGrid<EditionSummary> cards;

    private final EditionService editions;
    private final Map<Long, EditionSeatPolicy.SeatCounts> seatCounts = new HashMap<>();

    EditionsAdminView(EditionService editions) {
        this.editions = editions;
        addClassName("page");
        setId("editions-admin");
        create.setText(getTranslation("editions.new"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("edition-new");
        create.addClickListener(e -> open(null));
        add(new ViewHeader(getTranslation("editions.title"), create));

        statusFilter.setLabel(getTranslation("editions.filter.status"));
        statusFilter.setItems(EditionStatus.values());
        statusFilter.setItemLabelGenerator(s -> getTranslation("edition.status." + s.name()));
        statusFilter.setClearButtonVisible(true);
        statusFilter.setId("editions-status-filter");
        statusFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        yearFilter.setLabel(getTranslation("editions.filter.year"));
        yearFilter.setMin(2000);
        yearFilter.setMax(2100);
        yearFilter.setClearButtonVisible(true);
        yearFilter.setId("editions-year-filter");
        yearFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var filters = new Div(statusFilter, yearFilter);
        filters.addClassName("filter-bar");

        var dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(e -> e.city() + " " + e.year()).setHeader(getTranslation("editions.col.edition"))
                .setSortProperty("year").setWidth("9rem").setFlexGrow(2);
        grid.addColumn(e -> e.startsOn() == null ? "" : dateFormat.format(e.startsOn())
                        + (e.endsOn() == null ? "" : " – " + dateFormat.format(e.endsOn())))
                .setHeader(getTranslation("editions.col.dates")).setSortProperty("startsOn").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(e -> seats(e).confirmed() + " / " + (e.capacity() == null ? "–" : String.valueOf(e.capacity())))
                .setHeader(getTranslation("editions.col.seats")).setSortProperty("capacity").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(e -> String.valueOf(seats(e).waiting()))
                .setHeader(getTranslation("editions.col.waiting")).setWidth("6rem").setFlexGrow(0);
        grid.addColumn(e -> getTranslation("edition.status." + e.status().name()))
                .setHeader(getTranslation("editions.col.status")).setSortProperty("status").setWidth("8rem").setFlexGrow(1);
        grid.addComponentColumn(e -> new Anchor("admin/editions/" + e.id() + "/registrations", getTranslation("editions.registrations")))
                .setHeader(getTranslation("editions.col.registration")).setWidth("8.5rem").setFlexGrow(0);
        grid.addComponentColumn(e -> new Anchor("admin/editions/" + e.id() + "/programme", getTranslation("editions.programme")))
                .setHeader(getTranslation("editions.col.programme")).setWidth("8.5rem").setFlexGrow(0);
        grid.setItems(query -> {
                    List<EditionSummary> page = editions.page(statusFilter.getValue(), yearFilter.getValue(),
                            query.getOffset(), query.getLimit(), VaadinSpringDataHelpers.toSpringDataSort(query));
                    // one query for the whole page's counts, kept until the next page is fetched
                    var counts = editions.seatCounts(page.stream().map(EditionSummary::id).toList());
                    page.forEach(e -> seatCounts.put(e.id(), counts.getOrDefault(e.id(), EditionSeatPolicy.SeatCounts.NONE)));
                    return page.stream();
                },
                query -> (int) editions.count(statusFilter.getValue(), yearFilter.getValue()));
        grid.addItemClickListener(e -> open(e.getItem()));
        cards = ResponsiveGrid.cards(grid, getTranslation("editions.title"), e -> card(e, dateFormat));
        grid.setEmptyStateText(getTranslation("editions.empty"));
        grid.setHeight("65vh");
        grid.setId("editions-grid");
        // "Registration open", "Registrations" and "Programme" whole, not cut; long cities, dates and headers (ru, de)
        // wrap in columns of a set width, so the grid fits beside the menu at 1280 px instead of scrolling sideways
        grid.addClassName("wrapping-grid");
        add(filters, grid);
    }

    /** One edition on a phone: dates, seats, waiting list, status, and its actions (registrations, programme, edit). */
    private ResponsiveGrid.Card card(EditionSummary e, DateTimeFormatter dateFormat) {
        var registrations = new Anchor("admin/editions/" + e.id() + "/registrations", getTranslation("editions.registrations"));
        var programme = new Anchor("admin/editions/" + e.id() + "/programme", getTranslation("editions.programme"));
        var edit = new Button(getTranslation("editions.edit", e.title()), click -> open(e));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("edition-edit-" + e.id());
        return new ResponsiveGrid.Card(e.city() + " " + e.year())
                .fact(getTranslation("editions.col.dates"), e.startsOn() == null ? "" : dateFormat.format(e.startsOn())
                        + (e.endsOn() == null ? "" : " – " + dateFormat.format(e.endsOn())))
                .fact(getTranslation("editions.col.seats"), seats(e).confirmed() + " / " + (e.capacity() == null ? "–" : String.valueOf(e.capacity())))
                .fact(getTranslation("editions.col.waiting"), String.valueOf(seats(e).waiting()))
                .fact(getTranslation("editions.col.status"), getTranslation("edition.status." + e.status().name()))
                .actions(registrations, programme, edit);
    }

    private EditionSeatPolicy.SeatCounts seats(EditionSummary e) {
        return seatCounts.getOrDefault(e.id(), EditionSeatPolicy.SeatCounts.NONE);
    }

    void open(EditionSummary edition) {
        if (dialog != null && dialog.isOpened()) {
            return; // a card's Edit button is inside a row that opens the form on a click as well
        }
        dialog = new EditionFormDialog(edition);
        dialog.open();
    }

    /** The create/edit form. Keeps everything typed when the service rejects it. */
    final class EditionFormDialog extends Dialog {

        final TextField city = new TextField(getTranslation("edition.field.city"));
        final ComboBox<String> country = new ComboBox<>(getTranslation("edition.field.country"));
        final TextField venue = new TextField(getTranslation("edition.field.venue"));
        final DatePicker startsOn = new DatePicker(getTranslation("edition.field.starts"));
        final DatePicker endsOn = new DatePicker(getTranslation("edition.field.ends"));
        final ComboBox<String> timeZone = new ComboBox<>(getTranslation("edition.field.time-zone"));
        final IntegerField capacity = new IntegerField(getTranslation("edition.field.capacity"));
        final DateTimePicker opensAt = new DateTimePicker(getTranslation("edition.field.opens"));
        final DateTimePicker closesAt = new DateTimePicker(getTranslation("edition.field.closes"));
        final TextArea description = new TextArea(getTranslation("edition.field.description"));
        final Checkbox listVisible = new Checkbox(getTranslation("edition.field.list-visible"));
        final Button save = new Button(getTranslation("action.save"));
        final BeanValidationBinder<EditionForm> binder = RequiredFields.binder(EditionForm.class);
        private final EditionForm form;
        private final EditionSummary edition;

        EditionFormDialog(EditionSummary edition) {
            this.edition = edition;
            this.form = edition == null ? new EditionForm() : EditionForm.of(edition);
            setHeaderTitle(edition == null ? getTranslation("editions.new") : getTranslation("editions.edit", edition.title()));
            city.setMaxLength(Edition.CITY_MAX);
            city.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            city.setId("edition-city");
            country.setItems(Countries.codesSortedByName(getLocale()));
            country.setItemLabelGenerator(code -> Countries.name(code, getLocale()));
            country.setId("edition-country");
            venue.setMaxLength(Edition.VENUE_MAX);
            venue.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            venue.setId("edition-venue");
            timeZone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("Europe/") || z.startsWith("Asia/")
                    || z.startsWith("Atlantic/") || z.equals("UTC")).sorted().toList());
            timeZone.setId("edition-zone");
            capacity.setMin(1);
            capacity.setMax(EditionForm.MAX_CAPACITY);
            capacity.setStepButtonsVisible(true);
            capacity.setId("edition-capacity");
            description.setMaxLength(Edition.DESCRIPTION_MAX);
            description.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(getTranslation("validation.too-long")));
            description.setId("edition-description");
            startsOn.setId("edition-starts");
            endsOn.setId("edition-ends");
            opensAt.setId("edition-opens");
            closesAt.setId("edition-closes");
            AriaRequired.onInputs(opensAt);
            AriaRequired.onInputs(closesAt);

            binder.forField(city).bind("city");
            binder.forField(country).bind("countryCode");
            binder.forField(venue).bind("venue");
            binder.forField(startsOn).bind("startsOn");
            binder.forField(endsOn)
                    .withValidator(end -> end == null || startsOn.getValue() == null || !end.isBefore(startsOn.getValue()),
                            getTranslation("edition.dates.order"))
                    .bind("endsOn");
            binder.forField(timeZone).bind("timeZone");
            binder.forField(capacity).bind("capacity");
            binder.forField(opensAt).bind("registrationOpensAt");
            binder.forField(closesAt)
                    .withValidator(c -> c == null || opensAt.getValue() == null || !c.isBefore(opensAt.getValue()),
                            getTranslation("edition.window.order"))
                    .bind("registrationClosesAt");
            binder.forField(description).bind("description");
            binder.forField(listVisible).bind("participantListVisible");
            binder.readBean(form);

            var layout = new FormLayout(city, country, venue, timeZone, startsOn, endsOn, opensAt, closesAt, capacity,
                    listVisible, description);
            layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
            layout.setColspan(description, 2);
            layout.setColspan(listVisible, 2);
            add(layout);

            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("edition-save");
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()));
            if (edition != null) {
                Arrays.stream(EditionStatus.values()).filter(s -> edition.status().canMoveTo(s)).forEach(next -> {
                    var b = new Button(getTranslation("editions.action." + next.name()), e -> changeStatus(next));
                    b.setId("edition-status-" + next.name());
                    getFooter().add(b);
                });
            }
            getFooter().add(save);
            setWidth("min(800px, 100vw)");
        }

        void save() {
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            try {
                if (edition == null) {
                    editions.create(form);
                } else {
                    editions.update(edition.id(), form);
                }
            } catch (EditionRejectedException rejected) {
                showRejection(rejected);
                return;
            } catch (ObjectOptimisticLockingFailureException stale) {
                Notification.show(getTranslation("editions.stale"), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            close();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("editions.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }

        private void changeStatus(EditionStatus next) {
            try {
                editions.changeStatus(edition.id(), next);
            } catch (EditionRejectedException rejected) {
                showRejection(rejected);
                return;
            }
            close();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("editions.status-changed", getTranslation("edition.status." + next.name())))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }

        private final FieldErrors rejections = new FieldErrors(this, FieldErrors.notification(6000, Notification.Position.MIDDLE))
                .on(city, "city").on(country, "countryCode").on(venue, "venue").on(description, "description")
                .on(capacity, "capacity").on(timeZone, "timeZone").on(startsOn, "startsOn").on(endsOn, "endsOn", "datesOrdered")
                .on(opensAt, "registrationOpensAt").on(closesAt, "registrationClosesAt", "windowOrdered");

        private void showRejection(EditionRejectedException rejected) {
            rejections.show(rejected);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("editions.title");
    }
}
