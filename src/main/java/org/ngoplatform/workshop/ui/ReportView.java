package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.export.ui.ExportButton;
import org.ngoplatform.export.ExportService;
import org.ngoplatform.organisation.OrganisationService;
import org.ngoplatform.workshop.EditionReport;
import org.ngoplatform.workshop.EntryType;
import org.ngoplatform.workshop.OutcomeEntrySummary;
import org.ngoplatform.workshop.GroupOutcomes;
import org.ngoplatform.workshop.JointActionSummary;
import org.ngoplatform.workshop.WorkshopReportService;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The edition report: approved outcomes by group and the joint actions; organisers export it to Excel. */
@Route("editions/:editionId/report")
@PermitAll
class ReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkshopReportService reports;
    private final EditionService editions;
    private final OrganisationService organisations;
    final Div groups = new Div();
    final Div jointActions = new Div();
    ExportButton export;
    private final ExportService exports;
    private long editionId;
    private String title = "";

    ReportView(WorkshopReportService reports, EditionService editions, OrganisationService organisations,
               ExportService exports) {
        this.exports = exports;
        this.reports = reports;
        this.editions = editions;
        this.organisations = organisations;
        addClassName("page");
        setId("report");
        groups.setId("report-groups");
        jointActions.setId("joint-actions");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "editionId", editions::find).ifPresent(this::enter);
    }

    private void enter(EditionSummary edition) {
        editionId = edition.id();
        title = getTranslation("report.title", edition.title());
        removeAll();
        var actions = new Div();
        if (CurrentAccount.hasRole(Role.ORGANISER)) {
            Locale locale = getLocale();
            long id = editionId;
            export = new ExportButton(getTranslation("report.export"), exports, () -> reports.exportReport(id, locale));
            export.setId("report-export");
            var newAction = new Button(getTranslation("joint.new"), e -> new JointActionDialog(reports, organisations, editionId, null, this::render).open());
            newAction.setId("joint-new");
            newAction.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(newAction, export);
        }
        var back = new Anchor("editions/" + editionId, getTranslation("outcome.back"));
        back.addClassName("back-link");
        add(back, new ViewHeader(title, actions),
                new Paragraph(getTranslation("outcome.chatham")), groups, jointActions);
        render();
    }

    void render() {
        EditionReport report = reports.report(editionId);
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        groups.removeAll();
        groups.add(new H2(getTranslation("report.groups")));
        if (report.groups().isEmpty()) {
            groups.add(new Paragraph(getTranslation("report.none")));
        }
        for (GroupOutcomes g : report.groups()) {
            var section = new Div(new H3(g.group().title()));
            section.addClassName("report-group");
            for (EntryType type : EntryType.values()) {
                var items = g.entries().stream().filter(e -> e.type() == type).toList();
                if (items.isEmpty()) continue;
                var list = new UnorderedList();
                for (OutcomeEntrySummary e : items) {
                    var li = new ListItem(e.text());
                    if (e.type() == EntryType.ACTION_POINT) {
                        var meta = new Span(" — " + getTranslation("outcome.action-meta",
                                e.ownerOrganisationName() == null ? "" : e.ownerOrganisationName(),
                                e.dueDate() == null ? "" : dates.format(e.dueDate())));
                        meta.addClassName("entry-meta");
                        li.add(meta);
                    }
                    list.add(li);
                }
                var heading = new Span(getTranslation("outcome.type." + type.name()));
                heading.addClassName("report-type");
                section.add(heading, list);
            }
            groups.add(section);
        }
        jointActions.removeAll();
        jointActions.add(new H2(getTranslation("joint.title")));
        if (report.jointActions().isEmpty()) {
            jointActions.add(new Paragraph(getTranslation("joint.none")));
        }
        boolean organiser = CurrentAccount.hasRole(Role.ORGANISER);
        for (JointActionSummary a : report.jointActions()) {
            var card = new Div();
            card.addClassName("entry-card");
            card.setId("joint-action-" + a.id());
            var status = new Span(getTranslation("joint.status." + a.status().name()));
            status.getElement().getThemeList().add("badge");
            card.add(new H3(a.title()), status);
            if (a.date() != null) card.add(new Span(" " + dates.format(a.date())));
            if (a.description() != null) card.add(new Paragraph(a.description()));
            card.add(new Paragraph(getTranslation("joint.lead-line", a.leadOrganisationName())));
            if (!a.supporterNames().isEmpty()) {
                card.add(new Paragraph(getTranslation("joint.supporters-line", String.join(", ", a.supporterNames()))));
            }
            if (!a.sources().isEmpty()) {
                var src = new UnorderedList();
                a.sources().forEach(s -> src.add(new ListItem(s.text())));
                card.add(new Span(getTranslation("joint.sources")), src);
            }
            if (organiser) {
                var edit = new Button(getTranslation("joint.edit"), e -> new JointActionDialog(reports, organisations, editionId, a, this::render).open());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                edit.setId("joint-edit-" + a.id());
                card.add(edit);
            }
            jointActions.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
