package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.ngoplatform.survey.SurveyConditions;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.design.QuestionForm;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySummary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pages and questions of one survey in its editor: add, edit, move and remove, each change saved at once. A change
 * the service refuses is shown through {@code error} (inside the question dialog it is shown next to the field).
 */
class SurveyStructureEditor extends Div {

    QuestionDialog questionDialog;

    private final SurveyBuilderService builder;
    private final long surveyId;
    private final Consumer<SurveySummary> onChanged;
    private final Consumer<String> error;
    private SurveySummary summary;
    private SurveyStructure structure;

    SurveyStructureEditor(SurveyBuilderService builder, OpenedSurvey opened, Consumer<SurveySummary> onChanged,
                          Consumer<String> error) {
        this.builder = builder;
        this.surveyId = opened.id();
        this.summary = opened.summary();
        this.structure = opened.structure();
        this.onChanged = onChanged;
        this.error = error;
        setId("survey-structure");
        renderStructure();
    }

    private void renderStructure() {
        removeAll();
        if (summary.responses() > 0 && summary.status().isEditable()) {
            var frozen = new Paragraph(getTranslation("survey.edit.frozen", summary.currentVersion() + 1));
            frozen.addClassName("survey-frozen-note");
            frozen.setId("survey-frozen-note");
            add(frozen);
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
            add(card);
        }
        var addPage = new Button(getTranslation("survey.edit.add-page"), e -> editSection(null));
        addPage.setId("add-page");
        add(addPage);
    }

    private Div questionRow(QuestionDef q, List<QuestionDef> earlier) {
        var text = new Div(new Span(q.text()));
        text.addClassName("survey-question-text");
        var meta = new Span(q.code() + " · " + getTranslation("survey.type." + q.type().name())
                + (q.required() ? " · " + getTranslation("survey.edit.required") : "")
                + (q.condition() == null ? "" : " · " + getTranslation("survey.edit.condition", SurveyConditions.describe(
                q.condition(), getTranslation("survey.condition.one-of"), getTranslation("survey.condition.and"),
                getTranslation("survey.condition.or")))));
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
        name.setRequiredIndicatorVisible(true);
        name.setI18n(new TextField.TextFieldI18n().setRequiredErrorMessage(getTranslation("validation.required")));
        var text = new TextArea(getTranslation("survey.edit.page-intro"));
        text.setMaxLength(SurveyBuilderService.SECTION_INTRO_MAX);
        text.setId("page-intro");
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
            error.accept(getTranslation(rejected.messageKey(), rejected.params()));
            return false;
        }
        summary = builder.find(surveyId).orElseThrow();
        onChanged.accept(summary);
        renderStructure();
        Notification.show(getTranslation("survey.edit.saved-structure"), 2000, Notification.Position.BOTTOM_START);
        return true;
    }
}
