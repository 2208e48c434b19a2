package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.ngoplatform.base.Countries;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.QuestionType;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.respond.AnswerRules;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The respondent's form: one page at a time with progress, per-page checks, conditional questions that
 * appear as answers change, and a review before submitting. The owner decides what saving and submitting do.
 */
class SurveyFormPanel extends Div {

    interface Actions {
        /** Save for later; {@code pageIndex} is where to continue. */
        void save(Map<String, AnswerValue> answers, int pageIndex);

        /** Submit; returns problems (by question code) to show, or an empty map when done. */
        Map<String, AnswerRules.Problem> submit(Map<String, AnswerValue> answers);
    }

    final SurveyStructure structure;
    final Map<String, AnswerValue> answers = new HashMap<>();
    final Button back = new Button();
    final Button next = new Button();
    final Button save = new Button();
    final Button submit = new Button();
    final Div body = new Div();
    final Span progressText = new Span();
    final ProgressBar progress = new ProgressBar();
    private final Actions actions;
    private final List<QuestionField> fields = new ArrayList<>();
    private int page;
    /** The current page's heading; focus moves there when the respondent changes page. */
    private H2 heading;

    SurveyFormPanel(SurveyStructure structure, boolean canSave, Actions actions) {
        this.structure = structure;
        this.actions = actions;
        addClassName("survey-form");
        setId("survey-form");
        progress.setMin(0);
        progress.setMax(structure.sections().size() + 1);
        progressText.setId("survey-progress");
        progress.getElement().setAttribute("aria-labelledby", "survey-progress"); // axe: a progress bar needs a name
        var progressRow = new Div(progressText, progress);
        progressRow.addClassName("survey-progress");
        back.setText(getTranslation("survey.respond.back"));
        back.setId("survey-back");
        back.addClickListener(e -> go(page - 1));
        next.setText(getTranslation("survey.respond.next"));
        next.setId("survey-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> nextPage());
        save.setText(getTranslation("survey.respond.save"));
        save.setId("survey-save");
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.setVisible(canSave);
        save.addClickListener(e -> actions.save(Map.copyOf(answers), page));
        submit.setText(getTranslation("survey.respond.submit"));
        submit.setId("survey-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> doSubmit());
        var buttons = new Div(back, next, submit, save);
        buttons.addClassName("survey-buttons");
        add(progressRow, body, buttons);
        show(0);
    }

    /** Shows the saved answers at their page and puts the focus on its heading (the form replaces a Start button). */
    void load(Map<String, AnswerValue> saved, int pageIndex) {
        answers.clear();
        answers.putAll(saved);
        go(Math.max(0, Math.min(pageIndex, structure.sections().size())));
    }

    /**
     * Shows a page the respondent asked for and moves the keyboard focus to its heading: the button pressed may be
     * gone (Next on the review, Back on page 1, Submit), and a screen reader then reads where the respondent is.
     * Tab goes on to the page's first field.
     */
    void go(int target) {
        show(target);
        heading.getElement().executeJs("this.focus()");
    }

    int page() {
        return page;
    }

    /** The field of a question on the current page. */
    Optional<QuestionField> field(String code) {
        return fields.stream().filter(f -> f.question.code().equals(code)).findFirst();
    }

    /** Page 0..n-1 are sections, page n is the review. */
    void show(int target) {
        page = target;
        body.removeAll();
        fields.clear();
        int pages = structure.sections().size();
        progress.setValue(target + 1);
        back.setVisible(target > 0);
        next.setVisible(target < pages);
        submit.setVisible(target == pages);
        submit.setEnabled(true);
        if (target == pages) {
            progressText.setText(getTranslation("survey.respond.review.title"));
            showReview();
            return;
        }
        progressText.setText(getTranslation("survey.respond.page", target + 1, pages));
        next.setText(getTranslation(target == pages - 1 ? "survey.respond.review" : "survey.respond.next"));
        SectionDef section = structure.sections().get(target);
        body.add(heading(section.title()));
        if (section.intro() != null) {
            body.add(new Paragraph(section.intro()));
        }
        for (QuestionDef q : section.questions()) {
            QuestionField field = new QuestionField(q, answers.getOrDefault(q.code(), AnswerValue.EMPTY), value -> {
                answers.put(q.code(), value);
                refreshVisibility();
            });
            fields.add(field);
            body.add(field);
        }
        refreshVisibility();
        getElement().executeJs("window.scrollTo(0, 0)");
    }

    private void refreshVisibility() {
        Map<String, Boolean> visible = AnswerRules.visibility(structure, answers);
        fields.forEach(f -> f.setVisible(visible.get(f.question.code())));
    }

    /** Checks the current page; shows messages and returns false when something needs attention. */
    boolean checkPage() {
        Map<String, Boolean> visible = AnswerRules.visibility(structure, answers);
        List<QuestionDef> questions = structure.sections().get(page).questions();
        Map<String, AnswerRules.Problem> problems = AnswerRules.validate(questions, visible, answers);
        showProblems(problems);
        return problems.isEmpty();
    }

    private void showProblems(Map<String, AnswerRules.Problem> problems) {
        for (QuestionField f : fields) {
            AnswerRules.Problem p = problems.get(f.question.code());
            f.setError(p == null ? null : getTranslation(p.key(), p.param()));
        }
    }

    private H2 heading(String text) {
        heading = new H2(text);
        heading.setId("survey-page-heading");
        heading.getElement().setAttribute("tabindex", "-1"); // focusable by script, not a Tab stop
        return heading;
    }

    private void nextPage() {
        if (checkPage()) {
            go(page + 1);
        }
    }

    private void doSubmit() {
        Map<String, AnswerRules.Problem> problems = actions.submit(Map.copyOf(answers));
        if (problems.isEmpty()) {
            return;
        }
        // back to the first page with a problem, with its messages
        for (SectionDef s : structure.sections()) {
            if (s.questions().stream().anyMatch(q -> problems.containsKey(q.code()))) {
                go(s.index());
                showProblems(problems);
                return;
            }
        }
        submit.setEnabled(true);
    }

    private void showReview() {
        Map<String, Boolean> visible = AnswerRules.visibility(structure, answers);
        body.add(heading(getTranslation("survey.respond.review.title")));
        var review = new Div();
        review.addClassName("survey-review");
        review.setId("survey-review");
        for (SectionDef s : structure.sections()) {
            var edit = new Button(getTranslation("survey.respond.review.edit"), e -> go(s.index()));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            var heading = new Div(new H3(s.title()), edit);
            heading.addClassName("survey-review-heading");
            review.add(heading);
            for (QuestionDef q : s.questions()) {
                if (!visible.get(q.code())) {
                    continue;
                }
                var item = new Div(new Span(q.text()), new Span(display(q, answers.getOrDefault(q.code(), AnswerValue.EMPTY))));
                item.addClassName("survey-review-item");
                review.add(item);
            }
        }
        body.add(review);
    }

    private String display(QuestionDef q, AnswerValue a) {
        if (a.isEmptyFor(q.type())) {
            return getTranslation("survey.respond.review.empty");
        }
        return switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO -> q.choices().stream()
                    .filter(o -> a.options().contains(o.code()))
                    .map(o -> {
                        if (q.type() == QuestionType.YES_NO) return getTranslation("survey.respond." + o.code());
                        if (SurveyStructure.OTHER.equals(o.code())) return getTranslation("survey.respond.other-option") + ": " + a.otherText();
                        return o.label();
                    })
                    .collect(Collectors.joining("; "));
            case NUMBER, SCALE -> a.number().toPlainString();
            case COUNTRY -> Countries.name(a.text(), getLocale());
            case DATE -> a.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
            case MATRIX -> q.rows().stream().filter(r -> a.rows().containsKey(r.code()))
                    .map(r -> r.label() + ": " + q.options().stream().filter(o -> a.rows().get(r.code()).contains(o.code()))
                            .map(SurveyStructure.OptionDef::label).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            case RANKING -> {
                List<String> placed = new ArrayList<>();
                for (int i = 0; i < a.ranking().size(); i++) {
                    String code = a.ranking().get(i);
                    placed.add((i + 1) + ". " + q.options().stream().filter(o -> o.code().equals(code)).findFirst()
                            .map(SurveyStructure.OptionDef::label).orElse("—"));
                }
                yield String.join("; ", placed);
            }
            default -> a.text();
        };
    }
}
