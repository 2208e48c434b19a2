package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.RequiredFields;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.UtcDateTimeConverter;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.design.SurveySummary;

import java.util.function.Supplier;

/** Settings, status and the pages and questions of one survey. */
@Route("surveys/:surveyId/edit")
@RolesAllowed({"ANALYST", "ORGANISER"})
class SurveyEditorView extends SurveyRouteView implements HasDynamicTitle {

    final TextField title = new TextField();
    final TextArea intro = new TextArea();
    final TextArea thankYou = new TextArea();
    final RadioButtonGroup<SurveyAudience> audience = new RadioButtonGroup<>();
    final RadioButtonGroup<SurveyAnonymity> anonymity = new RadioButtonGroup<>();
    final DateTimePicker opensAt = new DateTimePicker();
    final DateTimePicker closesAt = new DateTimePicker();
    final IntegerField responseLimit = new IntegerField();
    final IntegerField suppressionK = new IntegerField();
    final Button saveSettings = new Button();
    final Div statusBar = new Div();
    SurveyStructureEditor structureEditor;

    final BeanValidationBinder<SurveySettingsForm> binder = RequiredFields.binder(SurveySettingsForm.class);
    private long surveyId;
    private SurveySummary summary;
    private SurveySettingsForm form;

    SurveyEditorView(SurveyBuilderService builder) {
        super(builder);
        addClassName("page");
        setId("survey-editor");

        title.setLabel(getTranslation("survey.field.title"));
        title.setMaxLength(SurveySettingsForm.TITLE_MAX);
        title.setId("survey-title");
        intro.setLabel(getTranslation("survey.field.intro"));
        intro.setMaxLength(SurveySettingsForm.INTRO_MAX);
        thankYou.setLabel(getTranslation("survey.field.thank-you"));
        thankYou.setMaxLength(SurveySettingsForm.THANK_YOU_MAX);
        audience.setLabel(getTranslation("survey.field.audience"));
        audience.setItems(SurveyAudience.values());
        audience.setItemLabelGenerator(a -> getTranslation("survey.audience." + a.name()));
        anonymity.setLabel(getTranslation("survey.field.anonymity"));
        anonymity.setItems(SurveyAnonymity.values());
        anonymity.setItemLabelGenerator(a -> getTranslation("survey.anonymity." + a.name()));
        opensAt.setLabel(getTranslation("survey.field.opens-at"));
        closesAt.setLabel(getTranslation("survey.field.closes-at"));
        responseLimit.setLabel(getTranslation("survey.field.response-limit"));
        responseLimit.setHelperText(getTranslation("survey.field.response-limit.help"));
        responseLimit.setMin(1);
        suppressionK.setLabel(getTranslation("survey.field.k"));
        suppressionK.setHelperText(getTranslation("survey.field.k.help"));
        suppressionK.setMin(2);
        suppressionK.setMax(50);
        saveSettings.setText(getTranslation("survey.edit.save"));
        saveSettings.setId("survey-save-settings");
        saveSettings.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveSettings.addClickListener(e -> saveSettings());

        binder.forField(title).asRequired(getTranslation("validation.required")).bind("title");
        binder.forField(intro).bind("intro");
        binder.forField(thankYou).bind("thankYou");
        binder.forField(audience).bind("audience");
        binder.forField(anonymity).bind("anonymity");
        binder.forField(opensAt).withConverter(new UtcDateTimeConverter()).bind("opensAt");
        binder.forField(closesAt).withConverter(new UtcDateTimeConverter()).bind("closesAt");
        binder.forField(responseLimit).bind("responseLimit");
        binder.forField(suppressionK).asRequired(getTranslation("validation.required")).bind("suppressionK");
    }

    @Override
    protected void enter(OpenedSurvey opened) {
        summary = opened.summary();
        surveyId = opened.id();
        structureEditor = new SurveyStructureEditor(builder, opened, changed -> {
            summary = changed;
            renderStatus();
        }, this::error);
        form = summary.toForm();
        binder.setBean(form);
        removeAll();
        var preview = new Anchor("surveys/" + surveyId + "/preview", getTranslation("survey.edit.preview"));
        preview.setId("survey-preview-link");
        var results = new Anchor("surveys/" + surveyId + "/results", getTranslation("survey.edit.results"));
        var languages = new Anchor("surveys/" + surveyId + "/translations", getTranslation("survey.edit.translations"));
        languages.setId("survey-translations-link");
        var invitations = new Anchor("surveys/" + surveyId + "/invitations", getTranslation("survey.edit.invitations"));
        invitations.setId("survey-invitations-link");
        add(new ViewHeader(summary.title(), preview, languages, invitations, results));
        statusBar.addClassName("survey-status-bar");
        add(statusBar);
        var settings = new FormLayout(title, intro, thankYou, audience, anonymity, opensAt, closesAt, responseLimit, suppressionK);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        settings.setColspan(title, 2);
        settings.setColspan(intro, 2);
        settings.setColspan(thankYou, 2);
        add(new H2(getTranslation("survey.edit.settings")), settings, saveSettings);
        add(new H2(getTranslation("survey.edit.structure")), structureEditor);
        renderStatus();
    }

    private void renderStatus() {
        statusBar.removeAll();
        var badge = new Span(getTranslation("survey.status." + summary.status().name()));
        badge.getElement().getThemeList().add("badge");
        badge.setId("survey-status");
        statusBar.add(badge, new Span(getTranslation("survey.edit.version", summary.currentVersion())));
        if (summary.status().isPublished()) {
            var link = new Anchor("s/" + summary.publicKey(), getTranslation("survey.edit.link") + ": /s/" + summary.publicKey());
            link.setId("survey-public-link");
            statusBar.add(link);
        }
        for (SurveyStatus next : summary.status().nextStates()) {
            statusBar.add(statusButton(summary.status(), next));
        }
    }

    /** A button for one move {@link SurveyStatus} allows; only its label depends on where the survey comes from. */
    private Button statusButton(SurveyStatus from, SurveyStatus next) {
        String key = switch (next) {
            case OPEN -> from == SurveyStatus.DRAFT ? "survey.edit.open" : "survey.edit.reopen";
            case CLOSED -> "survey.edit.close";
            case ARCHIVED -> "survey.edit.archive";
            case DRAFT -> throw new IllegalArgumentException("no way back to draft");
        };
        var b = new Button(getTranslation(key), e -> act(() -> {
            summary = builder.changeStatus(surveyId, next);
            renderStatus();
            return null;
        }));
        b.setId("survey-status-" + next.name().toLowerCase());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void saveSettings() {
        if (!binder.validate().isOk()) {
            return;
        }
        try {
            summary = builder.updateSettings(surveyId, form);
            renderStatus();
            Notification.show(getTranslation("survey.edit.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (SurveyRejectedException rejected) {
            rejections.show(rejected);
        }
    }

    private final FieldErrors rejections = new FieldErrors(this, this::error).on(closesAt, "closesAt")
            .on(anonymity, "anonymity").on(title, "title").on(intro, "intro").on(thankYou, "thankYou");

    private void act(Supplier<Void> action) {
        try {
            action.get();
        } catch (SurveyRejectedException rejected) {
            error(getTranslation(rejected.messageKey()));
        }
    }

    private void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return summary == null ? getTranslation("survey.edit.title") : summary.title();
    }
}
