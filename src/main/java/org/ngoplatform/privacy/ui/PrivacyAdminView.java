package org.ngoplatform.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.privacy.EditionRetention;
import org.ngoplatform.privacy.FieldworkService;
import org.ngoplatform.privacy.IdentifiedSurvey;
import org.ngoplatform.privacy.PrivacyRejectedException;
import org.ngoplatform.privacy.RetentionForm;
import org.ngoplatform.privacy.RetentionService;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** Organisers: retention periods per edition (with warnings before a purge) and anonymising surveys after fieldwork. */
@Route("admin/privacy")
@RolesAllowed(Role.ORGANISER_NAME)
@Menu(order = 96, title = "menu.privacy-admin", icon = "vaadin:shield")
class PrivacyAdminView extends Div implements HasDynamicTitle {

    private final RetentionService retention;
    private final FieldworkService fieldwork;
    final Div warnings = new Div();
    final Grid<EditionRetention> editions = new Grid<>();
    /** Cards instead of columns on a phone. */
    final ResponsiveGrid<EditionRetention> cards;
    final Div surveys = new Div();
    /** Open dialogs, for tests. */
    RetentionDialog retentionDialog;
    ConfirmDialog confirm;

    PrivacyAdminView(RetentionService retention, FieldworkService fieldwork) {
        this.retention = retention;
        this.fieldwork = fieldwork;
        addClassName("page");
        setId("privacy-admin");
        add(new ViewHeader(getTranslation("privacy.admin.title")));

        warnings.setId("retention-warnings");
        add(warnings);
        add(new H2(getTranslation("privacy.retention.title")),
                new Paragraph(getTranslation("privacy.retention.text", retention.warningPeriod().toDays())),
                defaultText());
        editions.setId("retention-grid");
        // the two steps' texts are long ("Default, 2 years: erased on 28 Mar 2029"): they wrap in set widths, so the grid
        // fits beside the menu at 1280 px; on a phone each edition is a card
        editions.addClassName("wrapping-grid");
        editions.addColumn(e -> e.city() + " " + e.year()).setHeader(getTranslation("privacy.retention.col.edition")).setWidth("8rem").setFlexGrow(1);
        editions.addColumn(this::ends).setHeader(getTranslation("privacy.retention.col.ends")).setAutoWidth(true).setFlexGrow(0);
        editions.addColumn(e -> step(e.specialDays(), e.specialDueAt(), e.specialPurgedAt()))
                .setHeader(getTranslation("privacy.retention.col.special")).setWidth("12rem").setFlexGrow(2);
        editions.addColumn(e -> step(e.detailsDays(), e.detailsDueAt(), e.detailsPurgedAt()))
                .setHeader(getTranslation("privacy.retention.col.details")).setWidth("12rem").setFlexGrow(2);
        editions.addComponentColumn(e -> setButton(e, "retention-set-"))
                .setHeader(getTranslation("privacy.retention.col.actions")).setAutoWidth(true).setFlexGrow(0);
        cards = ResponsiveGrid.cards(editions, getTranslation("privacy.retention.col.edition"), e -> new ResponsiveGrid.Card(e.city() + " " + e.year())
                .fact(getTranslation("privacy.retention.col.ends"), ends(e))
                .fact(getTranslation("privacy.retention.col.special"), step(e.specialDays(), e.specialDueAt(), e.specialPurgedAt()))
                .fact(getTranslation("privacy.retention.col.details"), step(e.detailsDays(), e.detailsDueAt(), e.detailsPurgedAt()))
                .actions(setButton(e, "retention-card-set-")));
        // pages lazily: an organiser with years of editions does not load them all
        editions.setItems(q -> retention.overview(q.getOffset(), q.getLimit()).stream(), q -> retention.editionCount());
        add(editions);

        add(new H2(getTranslation("privacy.fieldwork.title")), new Paragraph(getTranslation("privacy.fieldwork.text")));
        surveys.setId("fieldwork-surveys");
        add(surveys);
        refresh();
    }

    private String ends(EditionRetention e) {
        return e.endsOn() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(e.endsOn());
    }

    /** "Set periods" for one edition; {@code idPrefix} keeps a card's button apart from the column's. */
    private Button setButton(EditionRetention e, String idPrefix) {
        var set = new Button(getTranslation("privacy.retention.set"), click -> openRetention(e));
        set.setId(idPrefix + e.editionId());
        set.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return set;
    }

    void refresh() {
        editions.getDataProvider().refreshAll();
        warnings.removeAll();
        for (EditionRetention e : retention.warnings()) {
            boolean special = e.specialPurgedAt() == null && e.specialDueAt() != null;
            var notice = new Paragraph(getTranslation(special ? "privacy.retention.warning.special" : "privacy.retention.warning.details",
                    e.city() + " " + e.year(), date(special ? e.specialDueAt() : e.detailsDueAt())));
            notice.addClassName("retention-warning");
            notice.getElement().setAttribute("role", "status");
            warnings.add(notice);
        }
        surveys.removeAll();
        List<IdentifiedSurvey> closed = fieldwork.closedIdentified();
        if (closed.isEmpty()) {
            var none = new Paragraph(getTranslation("privacy.fieldwork.none"));
            none.addClassName("muted");
            surveys.add(none);
        }
        for (IdentifiedSurvey s : closed) {
            var row = new Div();
            row.addClassName("fieldwork-row");
            var anonymise = new Button(getTranslation("privacy.fieldwork.action"), e -> askAnonymise(s));
            anonymise.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            anonymise.setId("fieldwork-anonymise-" + s.surveyId());
            row.add(new Paragraph(getTranslation("privacy.fieldwork.row", s.title(), s.linkedResponses())), anonymise);
            surveys.add(row);
        }
    }

    private Paragraph defaultText() {
        var text = new Paragraph(getTranslation("privacy.retention.default-text", period(retention.defaultPeriod())));
        text.setId("retention-default");
        return text;
    }

    /** A period as organisers read it: "2 years", "1 year 6 months", "30 days". */
    private String period(Period period) {
        List<String> parts = new java.util.ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(getTranslation("privacy.retention.period.years", period.getYears()));
        }
        if (period.getMonths() != 0) {
            parts.add(getTranslation("privacy.retention.period.months", period.getMonths()));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(getTranslation("privacy.retention.period.days", period.getDays()));
        }
        return String.join(" ", parts);
    }

    private String step(Integer days, Instant due, Instant purged) {
        if (days == null) {
            String period = period(retention.defaultPeriod());
            if (purged != null) {
                return getTranslation("privacy.retention.default.purged", period, date(purged));
            }
            return due == null ? getTranslation("privacy.retention.unset")
                    : getTranslation("privacy.retention.default.due", period, date(due));
        }
        if (purged != null) {
            return getTranslation("privacy.retention.purged", days, date(purged));
        }
        return due == null ? getTranslation("privacy.retention.days", days)
                : getTranslation("privacy.retention.due", days, date(due));
    }

    private String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(at.atZone(ZoneId.of("UTC")));
    }

    void openRetention(EditionRetention e) {
        retentionDialog = new RetentionDialog(e);
        retentionDialog.open();
    }

    private void askAnonymise(IdentifiedSurvey s) {
        confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("privacy.fieldwork.confirm.title"));
        confirm.setText(getTranslation("privacy.fieldwork.confirm.text", s.title(), s.linkedResponses()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("privacy.fieldwork.confirm.cancel"));
        confirm.setConfirmText(getTranslation("privacy.fieldwork.confirm.ok"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(ev -> {
            try {
                int unlinked = fieldwork.anonymise(s.surveyId());
                Notification.show(getTranslation("privacy.fieldwork.done", unlinked)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (PrivacyRejectedException rejected) {
                Notification.show(getTranslation(rejected.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        confirm.open();
    }

    /** Sets both periods of one edition. */
    class RetentionDialog extends Dialog {

        final IntegerField special = new IntegerField();
        final IntegerField details = new IntegerField();
        final Button save;
        final BeanValidationBinder<RetentionForm> binder = RequiredFields.binder(RetentionForm.class);

        RetentionDialog(EditionRetention e) {
            setHeaderTitle(getTranslation("privacy.retention.dialog.title", e.city() + " " + e.year()));
            special.setLabel(getTranslation("privacy.retention.special-days"));
            special.setHelperText(getTranslation("privacy.retention.special-days.help"));
            details.setLabel(getTranslation("privacy.retention.details-days"));
            details.setHelperText(getTranslation("privacy.retention.details-days.help"));
            for (IntegerField f : List.of(special, details)) {
                f.setMin(0);
                f.setMax(RetentionForm.MAX_DAYS);
                f.setStepButtonsVisible(true);
                f.setRequired(true);
            }
            special.setId("retention-special");
            details.setId("retention-details");
            binder.forField(special).asRequired(getTranslation("privacy.retention.required")).bind("specialDays");
            binder.forField(details).asRequired(getTranslation("privacy.retention.required")).bind("detailsDays");
            binder.setBean(new RetentionForm(e.specialDays() == null ? 90 : e.specialDays(),
                    e.detailsDays() == null ? 365 : e.detailsDays()));
            add(special, details);
            save = new Button(getTranslation("privacy.retention.save"), click -> save(e.editionId()));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("retention-save");
            getFooter().add(new Button(getTranslation("privacy.retention.cancel"), click -> close()), save);
        }

        private void save(long editionId) {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                retention.set(editionId, binder.getBean());
                close();
                refresh();
                Notification.show(getTranslation("privacy.retention.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (PrivacyRejectedException rejected) {
                IntegerField target = "specialDays".equals(rejected.field()) ? special : details;
                target.setInvalid(true);
                target.setErrorMessage(getTranslation(rejected.messageKey()));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.admin.title");
    }
}
