package org.ngoplatform.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.audit.AuditActions;
import org.ngoplatform.audit.AuditActorRef;
import org.ngoplatform.audit.AuditEvent;
import org.ngoplatform.audit.AuditFilter;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.audit.AuditLogExport;
import org.ngoplatform.audit.AuditSubjectNames;
import org.ngoplatform.audit.AuditSubjectRef;
import org.ngoplatform.base.security.AuditActor;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewerZone;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.export.ui.ExportButton;
import org.ngoplatform.export.ExportService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organisers read the audit log (newest first, filtered by person, action, subject and days in their own time zone)
 * and export to Excel exactly what the filters show. Subjects and actors are shown by the names their features give
 * them, looked up once per page of the grid.
 */
@Route("admin/audit")
@RolesAllowed("ORGANISER")
@Menu(order = 95, title = "menu.audit", icon = "vaadin:records")
class AuditLogView extends Div implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Grid<AuditEvent> grid = new Grid<>();
    final ComboBox<AuditActorRef> person = new ComboBox<>();
    final Select<String> action = new Select<>();
    final TextField subject = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Span count = new Span();
    final ExportButton export;
    /** The viewer's time zone (the browser's), in which days are picked and times shown. */
    final ZoneId zone;
    /** Cards instead of columns on a phone. */
    ResponsiveGrid<AuditEvent> cards;
    private final transient AuditLog auditLog;
    private final transient AuditActions actions;
    private final transient AuditSubjectNames subjectNames;
    /** Names of the subjects and actors of the pages fetched so far (see {@link #nameSubjects}). */
    private final Map<String, AuditSubjectRef> named = new HashMap<>();
    private final Set<String> looked = new HashSet<>();
    private final Map<String, Boolean> openable = new HashMap<>();

    AuditLogView(AuditLog auditLog, AuditLogExport auditExport, ExportService exports, AuditActions actions,
                 AuditSubjectNames subjectNames) {
        this.auditLog = auditLog;
        this.actions = actions;
        this.subjectNames = subjectNames;
        this.zone = ViewerZone.current();
        addClassName("page");
        addClassName("audit-log-view");
        setId("audit-log");

        export = new ExportButton(getTranslation("audit.export"), exports, () -> auditExport.start(filter(), getLocale()));
        export.setId("audit-export");
        add(new ViewHeader(getTranslation("audit.title"), export), new Paragraph(getTranslation("audit.intro")));

        var bar = filterBar();

        grid.addColumn(this::time)
                .setHeader(getTranslation("audit.col.time", zone.getId())).setAutoWidth(true).setFlexGrow(0);
        // set widths that wrap (wrapping-grid) rather than the widest entry's: the grid fits beside the menu at 1280 px
        grid.addColumn(e -> actorName(e.getActor())).setHeader(getTranslation("export.audit.col.actor")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(e -> actionName(e.getAction())).setHeader(getTranslation("export.audit.col.action")).setWidth("10rem").setFlexGrow(1);
        grid.addComponentColumn(e -> subject(e.getSubject())).setHeader(getTranslation("export.audit.col.subject")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(this::details).setHeader(getTranslation("export.audit.col.details")).setWidth("12rem").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("audit-grid");
        grid.addClassName("wrapping-grid"); // subjects and details whole, not cut
        cards = ResponsiveGrid.cards(grid, getTranslation("audit.title"), this::card);
        grid.setHeight("65vh");
        add(bar, grid);
        refresh();
    }

    /**
     * The filters: a person among the log's actors (searched by name or email, page by page), an action by its
     * translated name, a subject as recorded, and a range of days in the viewer's time zone.
     */
    private HorizontalLayout filterBar() {
        person.setLabel(getTranslation("audit.filter.person"));
        person.setPlaceholder(getTranslation("audit.filter.person.all"));
        person.setHelperText(getTranslation("audit.filter.person.help"));
        person.setItems(q -> auditLog.actors(q.getFilter().orElse(null), q.getOffset(), q.getLimit()).stream());
        person.setItemLabelGenerator(AuditActorRef::label);
        person.setClearButtonVisible(true);
        person.getStyle().set("--vaadin-combo-box-overlay-width", "min(28em, 92vw)");
        person.setId("audit-person");
        person.addValueChangeListener(e -> refresh());

        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(actions.codesByName(getLocale()));
        action.setItemLabelGenerator(code -> code == null ? getTranslation("audit.filter.action.all") : actionName(code));
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.filter.action.all"));
        action.setPlaceholder(getTranslation("audit.filter.action.all"));
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
        to.setId("audit-to");
        from.setHelperText(getTranslation("audit.filter.dates.help", zone.getId()));
        for (DatePicker day : new DatePicker[] {from, to}) {
            day.setClearButtonVisible(true);
            day.setLocale(getLocale());
            day.addValueChangeListener(e -> refresh());
        }

        var dates = new HorizontalLayout(from, to);
        dates.setAlignItems(FlexComponent.Alignment.BASELINE);
        dates.addClassName("audit-dates");
        count.setId("audit-count");
        var bar = new HorizontalLayout(person, action, subject, dates, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.addClassName("audit-filters");
        return bar;
    }

    /** What the fields say; a range that ends before it starts is refused next to its end and lists nothing. */
    AuditFilter filter() {
        try {
            AuditFilter filter = new AuditFilter(action.getValue(), subject.getValue(),
                    person.getValue() == null ? null : person.getValue().actor(), from.getValue(), to.getValue(), zone);
            to.setInvalid(false);
            return filter;
        } catch (IllegalArgumentException e) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("audit.filter.dates.invalid"));
            return null;
        }
    }

    private void refresh() {
        named.clear();
        looked.clear();
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
        grid.setItems(q -> page(filter, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, auditLog.countMatching(filter)));
    }

    /** A page of events, with the names of its subjects and actors looked up together. */
    private List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        List<AuditEvent> events = auditLog.search(filter, offset, limit);
        List<String> refs = new ArrayList<>();
        events.forEach(e -> {
            refs.add(e.getSubject());
            refs.add(e.getActor());
        });
        nameSubjects(refs);
        return events;
    }

    /** Looks up the names of those of {@code refs} not looked up yet, all in one call. */
    void nameSubjects(java.util.Collection<String> refs) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String ref : refs) {
            if (ref != null && !looked.contains(ref)) {
                wanted.add(ref);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        named.putAll(subjectNames.resolve(wanted, getLocale()));
        looked.addAll(wanted);
    }

    /** When it happened, in the viewer's zone (named in the column's header). */
    String time(AuditEvent e) {
        return TIME.format(e.getOccurredAt().atZone(zone));
    }

    /** Who acted: the person's name ({@code account:4}), "system" for scheduled jobs, else as recorded. */
    String actorName(String actor) {
        if (AuditActor.SYSTEM.equals(actor)) {
            return getTranslation("audit.actor.system");
        }
        nameSubjects(actor == null ? List.of() : List.of(actor));
        AuditSubjectRef ref = actor == null ? null : named.get(actor);
        return ref == null ? (actor == null ? "" : actor) : ref.name();
    }

    /**
     * A subject ({@code survey:12}) by the name its feature gives it, linked to its page when the viewer may open
     * that, with the recorded subject next to it; one that no longer exists as e.g. "Survey #12 (deleted)"; a
     * subject nobody names as recorded.
     */
    Component subject(String subject) {
        nameSubjects(subject == null ? List.of() : List.of(subject));
        AuditSubjectRef ref = subject == null ? null : named.get(subject);
        if (ref == null) {
            return new Span(subject == null ? "" : subject);
        }
        if (!ref.exists()) {
            var gone = new Span(ref.name());
            gone.addClassName("audit-subject-gone");
            return gone;
        }
        Component name = ref.link() != null && mayOpen(ref.link()) ? new Anchor(ref.link(), ref.name()) : new Span(ref.name());
        var recorded = new Span(" (" + subject + ")");
        recorded.addClassName("audit-subject-code");
        return new Span(name, recorded);
    }

    /** Whether the viewer may open the route {@code link} names (its view's {@code @RolesAllowed} and the like). */
    boolean mayOpen(String link) {
        String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
        return openable.computeIfAbsent(path, p -> {
            var route = RouteConfiguration.forApplicationScope().getRoute(p);
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (route.isEmpty() || auth == null) {
                return false;
            }
            return new AccessAnnotationChecker().hasAccess(route.get(), auth,
                    role -> auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        });
    }

    /** The action's translated name ({@code audit.action.CODE}); a code without one is shown as it is. */
    String actionName(String code) {
        return actions.name(code, getLocale());
    }

    /** The event's details in the reader's language where they name a status or roles. */
    private String details(AuditEvent e) {
        return actions.details(e.getAction(), e.getDetails(), getLocale());
    }

    /** Phones: one event as a card (when, who, what, on what, details) instead of five columns. */
    private ResponsiveGrid.Card card(AuditEvent e) {
        return new ResponsiveGrid.Card(actionName(e.getAction()))
                .fact(getTranslation("audit.col.time", zone.getId()), time(e))
                .fact(getTranslation("export.audit.col.actor"), actorName(e.getActor()))
                .fact(getTranslation("export.audit.col.subject"), subject(e.getSubject()))
                .fact(getTranslation("export.audit.col.details"), details(e));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
