package org.ngoplatform.registration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ui.ExportButton;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.registration.RegistrationCount;
import org.ngoplatform.registration.RegistrationFilter;
import org.ngoplatform.registration.RegistrationSummary;
import org.ngoplatform.registration.ParticipantExportService;
import org.ngoplatform.registration.RegistrationAdminService;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.registration.SeatOfferService;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Organisers: one edition's registrations, counts, promote/cancel with a reason, Excel export. */
@Route("admin/editions/:editionId/registrations")
@RolesAllowed(Role.ORGANISER_NAME)
class EditionRegistrationsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final ComboBox<RegistrationStatus> statusFilter = new ComboBox<>();
    final TextField textFilter = new TextField();
    final Grid<RegistrationSummary> grid = new Grid<>();
    final Div counts = new Div();
    final Checkbox includeSpecial = new Checkbox();
    /** The open promote/cancel dialog, for tests. */
    RegistrationReasonDialog dialog;
    /** Cards instead of columns on a phone. */
    ResponsiveGrid<RegistrationSummary> cards;

    private final EditionService editions;
    private final RegistrationAdminService registrations;
    private final ParticipantExportService participantExport;
    private final ExportService exports;
    private final SeatOfferService offers;
    /** How freed seats are given, and every offer made (open ones first). */
    OfferSettings offerSettings;
    OfferHistory offerHistory;
    /** Starts the participant export and opens its progress dialog. */
    ExportButton export;
    private EditionSummary edition;
    private String title = "";

    EditionRegistrationsView(EditionService editions, RegistrationAdminService registrations,
                             ParticipantExportService participantExport, ExportService exports, SeatOfferService offers) {
        this.exports = exports;
        this.offers = offers;
        this.participantExport = participantExport;
        this.editions = editions;
        this.registrations = registrations;
        addClassName("page");
        setId("edition-registrations");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(this::enter);
    }

    private void enter(EditionSummary found) {
        edition = found;
        build();
    }

    private void build() {
        removeAll();
        title = getTranslation("organiser.title", edition.title());
        add(new ViewHeader(title));

        counts.setId("registration-counts");
        counts.addClassName("registration-counts");
        add(counts);

        statusFilter.setLabel(getTranslation("organiser.filter.status"));
        statusFilter.setItems(RegistrationStatus.values());
        statusFilter.setItemLabelGenerator(s -> getTranslation("registration.status." + s.name()));
        statusFilter.setClearButtonVisible(true);
        statusFilter.setId("registrations-status-filter");
        statusFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        textFilter.setLabel(getTranslation("organiser.filter.text"));
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);
        textFilter.setMaxLength(100);
        textFilter.setId("registrations-text-filter");
        textFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        includeSpecial.setLabel(getTranslation("organiser.export.special"));
        includeSpecial.setId("export-special");
        long editionId = edition.id();
        export = new ExportButton(getTranslation("organiser.export"), exports,
                () -> participantExport.exportParticipants(editionId, includeSpecial.getValue()));
        export.setId("export-start");
        var filters = new Div(statusFilter, textFilter);
        filters.addClassName("filter-bar");
        var exportBar = new Div(export, includeSpecial);
        exportBar.addClassName("export-bar");
        add(filters, exportBar);

        textFilter.addClassName("search-field");

        // at 1280 px every column fits the page (with the grid's vertical scroll bar: the least widths add up to 59 rem),
        // long headers and values wrap instead of being cut, the actions
        // stay at the right edge; on a phone each row is a card (ResponsiveGrid)
        grid.addClassName("wrapping-grid");
        grid.addColumn(r -> getTranslation("registration.status." + r.status().name())).setHeader(getTranslation("organiser.col.status"))
                .setWidth("6rem").setFlexGrow(0);
        grid.addColumn(r -> r.waitlistPosition() == null ? "" : String.valueOf(r.waitlistPosition())).setHeader(getTranslation("organiser.col.position"))
                .setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(RegistrationSummary::name).setHeader(getTranslation("organiser.col.name")).setWidth("6.5rem").setFlexGrow(2);
        grid.addColumn(r -> r.organisation() == null ? "" : r.organisation()).setHeader(getTranslation("organiser.col.organisation"))
                .setWidth("6.5rem").setFlexGrow(2);
        grid.addColumn(r -> Countries.name(r.countryCode(), getLocale())).setHeader(getTranslation("organiser.col.country"))
                .setWidth("5.5rem").setFlexGrow(1);
        grid.addColumn(r -> stay(r)).setHeader(getTranslation("organiser.col.dates")).setWidth("7rem").setFlexGrow(0);
        grid.addColumn(r -> needs(r)).setHeader(getTranslation("organiser.col.needs")).setWidth("6.5rem").setFlexGrow(2);
        grid.addColumn(r -> getTranslation(r.visaLetter() ? "organiser.yes" : "organiser.no")).setHeader(getTranslation("organiser.col.visa"))
                .setWidth("4.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setWidth("12rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        cards = ResponsiveGrid.cards(grid, getTranslation("organiser.col.registration"), this::card);
        grid.setItems(query -> registrations.page(editionId, filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) registrations.count(editionId, filter()));
        grid.setEmptyStateText(getTranslation("organiser.empty"));
        grid.setHeight("60vh");
        grid.setId("registrations-grid");
        add(grid);
        offerHistory = new OfferHistory(edition, offers);
        offerSettings = new OfferSettings(editionId, offers, this::refreshAll);
        add(offerSettings, offerHistory);
        refreshCounts();
    }

    private void refreshAll() {
        grid.getDataProvider().refreshAll();
        offerHistory.refresh();
        refreshCounts();
    }

    /** Arrival and departure as the rest of the app writes dates ("Apr 12, 2027"). */
    String stay(RegistrationSummary r) {
        var fmt = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        if (r.arrivalOn() == null && r.departureOn() == null) {
            return "";
        }
        return (r.arrivalOn() == null ? "" : fmt.format(r.arrivalOn())) + " – " + (r.departureOn() == null ? "" : fmt.format(r.departureOn()));
    }

    private static String needs(RegistrationSummary r) {
        return Stream.of(r.dietaryNeeds(), r.accessibilityNeeds()).filter(s -> s != null).collect(Collectors.joining("; "));
    }

    /** One registration on a phone: who, where from, when, what they need, and the row's actions. */
    private ResponsiveGrid.Card card(RegistrationSummary r) {
        String status = getTranslation("registration.status." + r.status().name())
                + (r.waitlistPosition() == null ? "" : " · " + getTranslation("organiser.col.position") + " " + r.waitlistPosition());
        return new ResponsiveGrid.Card(r.name())
                .fact(getTranslation("organiser.col.status"), status)
                .fact(getTranslation("organiser.col.organisation"), r.organisation())
                .fact(getTranslation("organiser.col.country"), Countries.name(r.countryCode(), getLocale()))
                .fact(getTranslation("organiser.col.dates"), stay(r))
                .fact(getTranslation("organiser.col.needs"), needs(r))
                .fact(getTranslation("organiser.col.visa"), getTranslation(r.visaLetter() ? "organiser.yes" : "organiser.no"))
                .actions(actions(r, "card-"));
    }

    RegistrationFilter filter() {
        return new RegistrationFilter(statusFilter.getValue(), textFilter.getValue());
    }

    private Div actions(RegistrationSummary row) {
        return actions(row, "");
    }

    /** Promote and cancel; {@code idPrefix} keeps the ids of a card's buttons apart from the column's. */
    private Div actions(RegistrationSummary row, String idPrefix) {
        var box = new Div();
        box.addClassName("row-actions");
        if (row.status() == RegistrationStatus.WAITLISTED) {
            var promote = new Button(getTranslation("organiser.promote"), e -> openReason(row, true));
            promote.addThemeVariants(ButtonVariant.LUMO_SMALL);
            promote.setId(idPrefix + "promote-" + row.id());
            box.add(promote);
        }
        if (row.status() != RegistrationStatus.CANCELLED) {
            var cancel = new Button(getTranslation("organiser.cancel"), e -> openReason(row, false));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            cancel.setId(idPrefix + "cancel-" + row.id());
            box.add(cancel);
        }
        return box;
    }

    void openReason(RegistrationSummary row, boolean promote) {
        dialog = new RegistrationReasonDialog(row, promote, registrations, this::refreshAll);
        dialog.open();
    }

    private void refreshCounts() {
        counts.removeAll();
        counts.add(countBlock("organiser.counts.status", registrations.countsByStatus(edition.id()).stream()
                .map(c -> new RegistrationCount(getTranslation("registration.status." + c.key()), c.count())).toList(), "counts-status"));
        counts.add(countBlock("organiser.counts.country", registrations.countsByCountry(edition.id()).stream()
                .map(c -> new RegistrationCount(Countries.isValid(c.key()) ? Countries.name(c.key(), getLocale()) : c.key(), c.count())).toList(),
                "counts-country"));
    }

    /** Labels with server-side bars. */
    private Div countBlock(String titleKey, List<RegistrationCount> entries, String id) {
        var block = new Div(new H3(getTranslation(titleKey)));
        block.setId(id);
        block.addClassName("count-block");
        long max = entries.stream().mapToLong(RegistrationCount::count).max().orElse(1);
        for (RegistrationCount c : entries) {
            var bar = new Div();
            bar.addClassName("count-bar");
            bar.getStyle().set("width", Math.max(2, c.count() * 100 / Math.max(1, max)) + "%");
            var line = new Div(new Span(c.key()), bar, new Span(String.valueOf(c.count())));
            line.addClassName("count-line");
            block.add(line);
        }
        return block;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
