package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.base.ui.UtcDateTimeConverter;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySettingsForm;
import org.ngoplatform.survey.design.SurveySummary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Settings, status and the pages and questions of one survey. */
@Route("surveys/:surveyId/edit")
@RolesAllowed({"ANALYST", "ORGANISER"})
class SurveyEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

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
    final Div structurePanel = new Div();
    QuestionDialog questionDialog;

    private final SurveyBuilderService builder;
    private final BeanValidationBinder<SurveySettingsForm> binder = new BeanValidationBinder<>(SurveySettingsForm.class);
    private long surveyId;
    private SurveySummary summary;
    private SurveyStructure structure;
    private SurveySettingsForm form;

    SurveyEditorView(SurveyBuilderService builder) {
        this.builder = builder;
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
        structurePanel.setId("survey-structure");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.find(event, "surveyId", builder::find).ifPresent(this::enter);
    }

    private void enter(SurveySummary found) {
        summary = found;
        surveyId = summary.id();
        structure = builder.structure(surveyId);
        form = summary.toForm();
        binder.setBean(form);
        removeAll();
        var preview = new Anchor("surveys/" + surveyId + "/preview", getTranslation("survey.edit.preview"));
        preview.setId("survey-preview-link");
        var results = new Anchor("surveys/" + surveyId + "/results", getTranslation("survey.edit.results"));
        add(new ViewHeader(summary.title(), preview, results));
        statusBar.addClassName("survey-status-bar");
        add(statusBar);
        var settings = new FormLayout(title, intro, thankYou, audience, anonymity, opensAt, closesAt, responseLimit, suppressionK);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        settings.setColspan(title, 2);
        settings.setColspan(intro, 2);
        settings.setColspan(thankYou, 2);
        add(new H2(getTranslation("survey.edit.settings")), settings, saveSettings);
        add(new H2(getTranslation("survey.edit.structure")), structurePanel);
        renderStatus();
        renderStructure();
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

    private void renderStructure() {
        structurePanel.removeAll();
        if (summary.responses() > 0 && summary.status().isEditable()) {
            var frozen = new Paragraph(getTranslation("survey.edit.frozen", summary.currentVersion() + 1));
            frozen.addClassName("survey-frozen-note");
            frozen.setId("survey-frozen-note");
            structurePanel.add(frozen);
        }
        List<QuestionDef> before = new ArrayList<>();
        for (SectionDef section : structure.sections()) {
            var card = new Div();
            card.addClassName("survey-section-card");
            card.setId("section-" + section.index());
            var heading = new Div(new H3((section.index() + 1) + ". " + section.title()),
                    small(VaadinIcon.EDIT, "survey.edit.edit", () -> editSection(section)),
                    small(VaadinIcon.ARROW_UP, "survey.edit.up", () -> changed(() -> builder.moveSection(surveyId, section.index(), -1))),
                    small(VaadinIcon.ARROW_DOWN, "survey.edit.down", () -> changed(() -> builder.moveSection(surveyId, section.index(), 1))),
                    small(VaadinIcon.TRASH, "survey.edit.remove", () -> changed(() -> builder.removeSection(surveyId, section.index()))));
            heading.addClassName("survey-section-heading");
            card.add(heading);
            if (section.intro() != null) {
                card.add(new Paragraph(section.intro()));
            }
            if (section.questions().isEmpty()) {
                var none = new Paragraph(getTranslation("survey.edit.no-questions"));
                none.addClassName("muted");
                card.add(none);
            }
            for (QuestionDef q : section.questions()) {
                List<QuestionDef> earlier = List.copyOf(before);
                card.add(questionRow(q, earlier));
                before.add(q);
            }
            List<QuestionDef> earlierForNew = List.copyOf(before);
            var add = new Button(getTranslation("survey.edit.add-question"), e -> openQuestionDialog(new QuestionForm(),
                    earlierForNew, f -> changed(() -> builder.addQuestion(surveyId, section.index(), f))));
            add.setId("add-question-" + section.index());
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(add);
            structurePanel.add(card);
        }
        var addPage = new Button(getTranslation("survey.edit.add-page"), e -> editSection(null));
        addPage.setId("add-page");
        structurePanel.add(addPage);
    }

    private Div questionRow(QuestionDef q, List<QuestionDef> earlier) {
        var text = new Div(new Span(q.text()));
        text.addClassName("survey-question-text");
        var meta = new Span(q.code() + " · " + getTranslation("survey.type." + q.type().name())
                + (q.required() ? " · " + getTranslation("survey.edit.required") : "")
                + (q.condition() == null ? "" : " · " + getTranslation("survey.edit.condition",
                q.condition().questionCode(), String.join(", ", q.condition().optionCodes()))));
        meta.addClassName("muted");
        text.add(meta);
        var row = new Div(text,
                small(VaadinIcon.EDIT, "survey.edit.edit", () -> openQuestionDialog(QuestionForm.of(q), earlier,
                        f -> changed(() -> builder.updateQuestion(surveyId, q.code(), f)))),
                small(VaadinIcon.ARROW_UP, "survey.edit.up", () -> changed(() -> builder.moveQuestion(surveyId, q.code(), -1))),
                small(VaadinIcon.ARROW_DOWN, "survey.edit.down", () -> changed(() -> builder.moveQuestion(surveyId, q.code(), 1))),
                small(VaadinIcon.TRASH, "survey.edit.remove", () -> changed(() -> builder.removeQuestion(surveyId, q.code()))));
        row.addClassName("survey-question-row");
        row.setId("row-" + q.code());
        return row;
    }

    private Button small(VaadinIcon icon, String key, Runnable action) {
        var b = new Button(icon.create(), e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(getTranslation(key));
        b.setTooltipText(getTranslation(key));
        return b;
    }

    private void openQuestionDialog(QuestionForm form, List<QuestionDef> earlier, Function<QuestionForm, Boolean> save) {
        questionDialog = new QuestionDialog(form, earlier, save);
        questionDialog.open();
    }

    private void editSection(SectionDef section) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(section == null ? "survey.edit.add-page" : "survey.edit.edit"));
        var name = new TextField(getTranslation("survey.edit.page-title"));
        name.setMaxLength(SurveyBuilderService.SECTION_TITLE_MAX);
        name.setWidthFull();
        name.setId("page-title");
        var text = new TextArea(getTranslation("survey.edit.page-intro"));
        text.setMaxLength(SurveyBuilderService.SECTION_INTRO_MAX);
        text.setWidthFull();
        if (section != null) {
            name.setValue(section.title());
            text.setValue(section.intro() == null ? "" : section.intro());
        }
        var ok = new Button(getTranslation("action.save"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            boolean done = changed(() -> section == null
                    ? builder.addSection(surveyId, name.getValue(), text.getValue())
                    : builder.editSection(surveyId, section.index(), name.getValue(), text.getValue()));
            if (done) dialog.close();
        });
        ok.setId("page-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name, text);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    /** Runs a structure change; shows the new structure, or the reason it was refused (question dialog: rethrows). */
    private boolean changed(Supplier<SurveyStructure> change) {
        try {
            structure = change.get();
        } catch (SurveyRejectedException rejected) {
            if (questionDialog != null && questionDialog.isOpened()) {
                throw rejected;
            }
            error(getTranslation(rejected.messageKey()));
            return false;
        }
        summary = builder.find(surveyId).orElseThrow();
        renderStatus();
        renderStructure();
        Notification.show(getTranslation("survey.edit.saved-structure"), 2000, Notification.Position.BOTTOM_START);
        return true;
    }

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
