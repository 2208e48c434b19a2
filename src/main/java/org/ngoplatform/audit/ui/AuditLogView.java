package org.ngoplatform.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditFilter;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.audit.AuditLogExport;
import org.ngoplatform.audit.AuditSubjects;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.export.ui.ExportButton;
import org.ngoplatform.export.ExportService;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Organisers read the audit log (newest first, filtered by action, subject and UTC days) and export to Excel
 * exactly what the filters show.
 */
@Route("admin/audit")
@RolesAllowed("ORGANISER")
@Menu(order = 95, title = "menu.audit", icon = "vaadin:records")
class AuditLogView extends Div implements HasDynamicTitle {

    static final int ACTION_MAX = AuditFilter.ACTION_MAX;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Grid<AuditEvent> grid = new Grid<>();
    final TextField action = new TextField();
    final TextField subject = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Span count = new Span();
    final ExportButton export;
    /** Cards instead of columns on a phone. */
    ResponsiveGrid<AuditEvent> cards;
    private final transient AuditLog auditLog;
    private final transient Map<String, AuditSubjects> subjectNames = new HashMap<>();

    AuditLogView(AuditLog auditLog, AuditLogExport auditExport, ExportService exports, List<AuditSubjects> subjectNames) {
        this.auditLog = auditLog;
        subjectNames.forEach(n -> this.subjectNames.put(n.kind(), n));
        addClassName("page");
        addClassName("audit-log-view");
        setId("audit-log");

        action.setLabel(getTranslation("audit.filter.action"));
        action.setHelperText(getTranslation("audit.filter.action.help"));
        action.setMaxLength(ACTION_MAX);
        action.setClearButtonVisible(true);
        action.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.addValueChangeListener(e -> refresh());

        subject.setLabel(getTranslation("audit.filter.subject"));
        subject.setHelperText(getTranslation("audit.filter.subject.help"));
        subject.setMaxLength(AuditFilter.SUBJECT_MAX);
        subject.setClearButtonVisible(true);
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        subject.setId("audit-subject");
        subject.addValueChangeListener(e -> refresh());

        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setHelperText(getTranslation("audit.filter.dates.help"));
        to.setId("audit-to");
        for (DatePicker day : new DatePicker[] {from, to}) {
            day.setClearButtonVisible(true);
            day.addValueChangeListener(e -> refresh());
        }
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        export = new ExportButton(getTranslation("audit.export"), exports, () -> auditExport.start(filter()));
        export.setId("audit-export");
        add(new ViewHeader(getTranslation("audit.title"), export), new Paragraph(getTranslation("audit.intro")));

        count.setId("audit-count");
        var bar = new HorizontalLayout(action, subject, from, to, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.addColumn(e -> TIME.format(e.getOccurredAt().atOffset(ZoneOffset.UTC)))
                .setHeader(getTranslation("export.audit.col.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::getActor).setHeader(getTranslation("export.audit.col.actor")).setAutoWidth(true);
        grid.addColumn(e -> actionName(e.getAction())).setHeader(getTranslation("export.audit.col.action")).setAutoWidth(true);
        grid.addComponentColumn(e -> subject(e.getSubject())).setHeader(getTranslation("export.audit.col.subject")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getDetails).setHeader(getTranslation("export.audit.col.details")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("audit-grid");
        cards = ResponsiveGrid.cards(grid, getTranslation("audit.title"), this::card);
        grid.setHeight("65vh");
        add(bar, grid);
        refresh();
    }

    /** What the fields say; a range that ends before it starts is shown as invalid and lists nothing wrong. */
    AuditFilter filter() {
        try {
            AuditFilter filter = new AuditFilter(action.getValue(), subject.getValue(), from.getValue(), to.getValue());
            to.setInvalid(false);
            return filter;
        } catch (IllegalArgumentException e) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("audit.filter.dates.invalid"));
            return null;
        }
    }

    private void refresh() {
        AuditFilter filter = filter();
        if (filter == null) {
            count.setText(getTranslation("audit.count", 0));
            grid.setItems(List.of());
            export.setEnabled(false);
            return;
        }
        export.setEnabled(true);
        long total = auditLog.countMatching(filter);
        count.setText(getTranslation("audit.count", total));
        grid.setItems(q -> auditLog.search(filter, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, auditLog.countMatching(filter)));
    }

    /**
     * A subject ({@code account:4}) by the name its feature gives it, linked to where it is shown, with the recorded
     * subject next to it; a subject nobody names (or no longer exists) as recorded.
     */
    Component subject(String subject) {
        int colon = subject == null ? -1 : subject.indexOf(':');
        AuditSubjects names = colon < 0 ? null : subjectNames.get(subject.substring(0, colon));
        Long id = null;
        if (names != null) {
            try {
                id = Long.valueOf(subject.substring(colon + 1));
            } catch (NumberFormatException notAnId) {
                id = null;
            }
        }
        String name = id == null ? null : names.names(List.of(id)).get(id);
        if (name == null) {
            return new Span(subject == null ? "" : subject);
        }
        String link = names.link(id);
        Component named = link == null ? new Span(name) : new Anchor(link, name);
        var recorded = new Span(" (" + subject + ")");
        recorded.addClassName("audit-subject-code");
        return new Span(named, recorded);
    }

    /** The action's translated name ({@code audit.action.CODE}); a code without one is shown as it is. */
    String actionName(String code) {
        String key = "audit.action." + code;
        String name = getTranslation(key);
        return name.equals("!" + key) ? code : name;
    }

    /** Phones: one event as a card (when, who, what, on what, details) instead of five columns. */
    private ResponsiveGrid.Card card(AuditEvent e) {
        return new ResponsiveGrid.Card(actionName(e.getAction()))
                .fact(getTranslation("export.audit.col.time"), TIME.format(e.getOccurredAt().atOffset(ZoneOffset.UTC)))
                .fact(getTranslation("export.audit.col.actor"), e.getActor())
                .fact(getTranslation("export.audit.col.subject"), subject(e.getSubject()))
                .fact(getTranslation("export.audit.col.details"), e.getDetails());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
