package org.ngoplatform.visaletter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.IdRouteView;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.visaletter.VisaLetterRejectedException;
import org.ngoplatform.visaletter.VisaLetterRequestSummary;
import org.ngoplatform.visaletter.VisaLetterService;
import org.ngoplatform.visaletter.VisaLetterStatus;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * Organisers' visa letters of an edition: the letter template, and the requests with their status (requested,
 * issued, to issue again after the details changed), issued one by one or for all who asked, each downloadable.
 * The details are shown here only, never in the participant workbook.
 */
@Route("admin/editions/:editionId/visa-letters")
@RolesAllowed(Role.ORGANISER_NAME)
class VisaLettersAdminView extends IdRouteView<EditionSummary> {

    final Grid<VisaLetterRequestSummary> grid = new Grid<>();
    final Button issueAll = new Button();
    TemplateEditor editor;
    ResponsiveGrid<VisaLetterRequestSummary> cards;
    private final VisaLetterService letters;
    private final EditionService editions;
    private EditionSummary edition;

    VisaLettersAdminView(VisaLetterService letters, EditionService editions) {
        super("editionId", "visa-letters");
        this.letters = letters;
        this.editions = editions;
    }

    @Override
    protected Optional<EditionSummary> find(long id) {
        return editions.find(id);
    }

    @Override
    protected void enter(EditionSummary found) {
        edition = found;
        removeAll();
        String title = getTranslation("visaletter.admin.title", edition.title());
        setPageTitle(title);
        issueAll.setText(getTranslation("visaletter.admin.issue-all"));
        issueAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issueAll.setId("visa-issue-all");
        issueAll.addClickListener(e -> issueAll());
        add(new ViewHeader(title, issueAll));
        add(new Paragraph(getTranslation("visaletter.admin.intro")));

        add(new H2(getTranslation("visaletter.admin.requests")));
        grid.removeAllColumns();
        grid.addClassName("wrapping-grid");
        grid.addColumn(VisaLetterRequestSummary::fullName).setHeader(getTranslation("visaletter.field.fullName")).setFlexGrow(2);
        grid.addColumn(VisaLetterRequestSummary::nationality).setHeader(getTranslation("visaletter.field.nationality")).setFlexGrow(1);
        grid.addColumn(VisaLetterRequestSummary::passportNumber).setHeader(getTranslation("visaletter.field.passportNumber")).setFlexGrow(1);
        grid.addColumn(this::born).setHeader(getTranslation("visaletter.field.dateOfBirth")).setFlexGrow(1);
        grid.addColumn(VisaLetterRequestSummary::consulateCity).setHeader(getTranslation("visaletter.field.consulateCity")).setFlexGrow(1);
        grid.addColumn(r -> status(r.status())).setHeader(getTranslation("visaletter.admin.status")).setFlexGrow(1);
        grid.addComponentColumn(r -> actions(r, "")).setWidth("13rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        cards = ResponsiveGrid.cards(grid, getTranslation("visaletter.admin.request"), r -> new ResponsiveGrid.Card(r.fullName())
                .fact(getTranslation("visaletter.admin.status"), status(r.status()))
                .fact(getTranslation("visaletter.field.nationality"), r.nationality())
                .fact(getTranslation("visaletter.field.passportNumber"), r.passportNumber())
                .fact(getTranslation("visaletter.field.dateOfBirth"), born(r))
                .fact(getTranslation("visaletter.field.consulateCity"), r.consulateCity())
                .actions(actions(r, "card-")));
        long editionId = edition.id();
        grid.setItems(q -> letters.requests(editionId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) letters.count(editionId));
        grid.setEmptyStateText(getTranslation("visaletter.admin.empty"));
        if (letters.count(editionId) == 0) {
            grid.setAllRowsVisible(true); // nothing to page: the empty state, not half a screen of nothing
        } else {
            grid.setHeight("50vh");
        }
        grid.setId("visa-requests");
        add(grid);

        editor = new TemplateEditor(letters, editionId);
        add(editor);
    }

    private String born(VisaLetterRequestSummary r) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(r.dateOfBirth());
    }

    private String status(VisaLetterStatus s) {
        return getTranslation("visaletter.status." + s.name());
    }

    /** Issue (again) and download; {@code idPrefix} keeps a card's ids apart from the column's. */
    private Div actions(VisaLetterRequestSummary r, String idPrefix) {
        var box = new Div();
        box.addClassName("row-actions");
        var issue = new Button(getTranslation(r.status() == VisaLetterStatus.REQUESTED
                ? "visaletter.admin.issue" : "visaletter.admin.reissue"), e -> issue(r));
        issue.addThemeVariants(ButtonVariant.LUMO_SMALL);
        issue.setId(idPrefix + "visa-issue-" + r.id());
        box.add(issue);
        if (r.issuedAt() != null) {
            var download = new Anchor(LetterDownload.ofRequest(letters, r.id()), getTranslation("visaletter.admin.download"));
            download.setId(idPrefix + "visa-download-" + r.id());
            box.add(download);
        }
        return box;
    }

    private void issue(VisaLetterRequestSummary r) {
        try {
            letters.issue(r.id());
            done(getTranslation("visaletter.admin.issued", r.fullName()));
        } catch (VisaLetterRejectedException rejected) {
            refused(rejected);
        }
    }

    private void issueAll() {
        try {
            done(getTranslation("visaletter.admin.issued-all", letters.issueAll(edition.id())));
        } catch (VisaLetterRejectedException rejected) {
            refused(rejected);
        }
    }

    private void done(String message) {
        grid.getDataProvider().refreshAll();
        Notification.show(message, 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refused(VisaLetterRejectedException rejected) {
        // the template's problems belong next to its text, where the organiser fixes them
        if ("body".equals(rejected.field())) {
            editor.body.setInvalid(true);
            editor.body.setErrorMessage(getTranslation(rejected.messageKey(), rejected.params()));
            editor.body.scrollIntoView();
        }
        Notification.show(getTranslation(rejected.messageKey(), rejected.params()), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
