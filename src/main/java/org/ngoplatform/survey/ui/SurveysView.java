package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.design.SurveySummary;
import org.ngoplatform.survey.results.SurveyResultsService;

/** All surveys, for the analysts who build them and read their results. */
@Route("surveys")
@RolesAllowed({"ANALYST", "ORGANISER"})
@Menu(order = 60, title = "menu.surveys", icon = "vaadin:clipboard-text")
class SurveysView extends Div implements HasDynamicTitle {

    final Grid<SurveySummary> grid = new Grid<>();
    final TextField filter = new TextField();
    final Button create = new Button();
    /** Cards instead of columns on a phone. */
    ResponsiveGrid<SurveySummary> cards;
    private final SurveyBuilderService builder;

    SurveysView(SurveyBuilderService builder) {
        this.builder = builder;
        addClassName("page");
        setId("surveys");
        create.setText(getTranslation("survey.list.new"));
        create.setId("survey-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        add(new ViewHeader(getTranslation("survey.list.title"), create));

        filter.setPlaceholder(getTranslation("survey.list.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setMaxLength(100);
        filter.addClassName("search-field");
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> refresh());

        grid.addClassName("wrapping-grid"); // long survey titles whole, not cut
        grid.addColumn(SurveySummary::title).setHeader(getTranslation("survey.field.title")).setFlexGrow(3);
        grid.addComponentColumn(s -> {
            var badge = new Span(getTranslation("survey.status." + s.status().name()));
            badge.getElement().getThemeList().add("badge");
            return badge;
        }).setHeader(getTranslation("survey.list.status")).setAutoWidth(true);
        grid.addColumn(s -> SurveyResultsService.publishedTotal(s.suppressionK(), s.responses()).display()).setHeader(getTranslation("survey.list.responses")).setAutoWidth(true);
        grid.addColumn(SurveySummary::currentVersion).setHeader(getTranslation("survey.list.version")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        cards = ResponsiveGrid.cards(grid, getTranslation("survey.list.title"), s -> new ResponsiveGrid.Card(s.title())
                .fact(getTranslation("survey.list.status"), getTranslation("survey.status." + s.status().name()))
                .fact(getTranslation("survey.list.responses"), SurveyResultsService.publishedTotal(s.suppressionK(), s.responses()).display())
                .fact(getTranslation("survey.list.version"), String.valueOf(s.currentVersion()))
                .actions(actions(s)));
        grid.setEmptyStateText(getTranslation("survey.list.empty"));
        grid.setHeight("70vh");
        add(filter, grid);
        refresh();
    }

    private Div actions(SurveySummary s) {
        var edit = new Button(getTranslation("survey.list.edit"), e -> navigate(s.id(), "edit"));
        var results = new Button(getTranslation("survey.list.results"), e -> navigate(s.id(), "results"));
        var duplicate = new Button(getTranslation("survey.list.duplicate"), e -> {
            String copyTitle = getTranslation("survey.list.copy-title", s.title());
            long copy = builder.duplicate(s.id(), cut(copyTitle, SurveySettingsForm.TITLE_MAX));
            Notification.show(getTranslation("survey.list.duplicated")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            navigate(copy, "edit");
        });
        for (Button b : new Button[]{edit, results, duplicate}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        var box = new Div(edit, results, duplicate);
        box.addClassName("survey-row-actions");
        return box;
    }

    /** At most {@code max} characters, never half an emoji. */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private void navigate(long id, String what) {
        getUI().ifPresent(ui -> ui.navigate("surveys/" + id + "/" + what));
    }

    private void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("survey.new.title"));
        var title = new TextField(getTranslation("survey.field.title"));
        title.setId("survey-new-title");
        title.setMaxLength(SurveySettingsForm.TITLE_MAX);
        title.setWidthFull();
        var form = new SurveySettingsForm();
        form.setBaseLanguage(getLocale().getLanguage()); // the creator most likely writes in their UI language
        var binder = RequiredFields.binder(SurveySettingsForm.class);
        binder.forField(title).asRequired(getTranslation("validation.required")).bind("title");
        binder.setBean(form);
        var ok = new Button(getTranslation("survey.new.create"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                long id = builder.create(form);
                dialog.close();
                navigate(id, "edit");
            } catch (SurveyRejectedException rejected) {
                title.setInvalid(true);
                title.setErrorMessage(getTranslation(rejected.messageKey()));
            }
        });
        ok.setId("survey-new-create");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(title);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(q -> builder.list(filter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) builder.count(filter.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.list.title");
    }
}
