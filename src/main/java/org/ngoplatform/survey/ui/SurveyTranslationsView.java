package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.survey.SurveyLanguages;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyTexts.Progress;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.ngoplatform.survey.design.SurveyTranslationService.SurveyLanguageSummary;
import org.ngoplatform.survey.design.SurveyTranslationService.TranslationSummary;

import java.util.List;

/**
 * A survey's languages: its base language, further languages with how complete each is (and whether it may fall back
 * to the base language), and each text of the current structure beside its translation into the language chosen.
 * A translation is saved when its field is left; nothing here makes a new structure version.
 */
@Route("surveys/:surveyId/translations")
@RolesAllowed({"ANALYST", "ORGANISER"})
class SurveyTranslationsView extends SurveyRouteView implements HasDynamicTitle {

    final ComboBox<String> baseLanguage = new ComboBox<>();
    final ComboBox<String> newLanguage = new ComboBox<>();
    final Button add = new Button();
    final Div languageList = new Div();
    final Div texts = new Div();

    private final SurveyTranslationService translation;
    private long surveyId;
    private String title = "";
    private String base;
    private String editing;

    SurveyTranslationsView(SurveyBuilderService builder, SurveyTranslationService translation) {
        super(builder);
        this.translation = translation;
        addClassNames("page", "survey-translations");
        setId("survey-translations");
        List<String> all = SurveyLanguages.all(getLocale());
        baseLanguage.setLabel(getTranslation("survey.translate.base"));
        baseLanguage.setId("translate-base");
        baseLanguage.setItems(all);
        baseLanguage.setItemLabelGenerator(this::name);
        baseLanguage.setHelperText(getTranslation("survey.translate.base.help"));
        baseLanguage.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) act(() -> translation.setBaseLanguage(surveyId, e.getValue()), baseLanguage);
        });
        newLanguage.setLabel(getTranslation("survey.translate.add.language"));
        newLanguage.setId("translate-new-language");
        newLanguage.setItems(all);
        newLanguage.setItemLabelGenerator(this::name);
        add.setText(getTranslation("survey.translate.add"));
        add.setId("translate-add");
        add.addClickListener(e -> {
            if (newLanguage.getValue() == null) {
                newLanguage.setInvalid(true);
                newLanguage.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            String code = newLanguage.getValue();
            if (act(() -> translation.addLanguage(surveyId, code), newLanguage)) {
                newLanguage.clear();
                editing = code;
                showTexts();
            }
        });
        languageList.addClassName("survey-languages");
        texts.addClassName("survey-translation-texts");
        texts.setId("translate-texts");
    }

    @Override
    protected void enter(OpenedSurvey opened) {
        surveyId = opened.id();
        title = opened.summary().title();
        removeAll();
        var back = new Anchor("surveys/" + surveyId + "/edit", getTranslation("survey.translate.back"));
        add(new ViewHeader(getTranslation("survey.translate.title") + ": " + title, back));
        add(new Paragraph(getTranslation("survey.translate.intro")));
        var adding = new Div(newLanguage, add);
        adding.addClassName("survey-language-add");
        add(baseLanguage, new H2(getTranslation("survey.translate.languages")), languageList, adding, texts);
        // the first further language's texts are open at once (most surveys have one)
        List<SurveyLanguageSummary> languages = translation.languages(surveyId);
        editing = languages.size() > 1 ? languages.get(1).code() : null;
        showTexts();
    }

    private void showLanguages() {
        List<SurveyLanguageSummary> languages = translation.languages(surveyId);
        base = languages.getFirst().code();
        baseLanguage.setValue(base);
        languageList.removeAll();
        if (languages.size() == 1) {
            languageList.add(new Paragraph(getTranslation("survey.translate.none")));
        }
        for (SurveyLanguageSummary l : languages.subList(1, languages.size())) {
            languageList.add(languageRow(l));
        }
    }

    private Div languageRow(SurveyLanguageSummary l) {
        var heading = new H3(name(l.code()));
        var bar = new ProgressBar(0, 100, l.progress().percent());
        var state = new Span(progressText(l.progress()));
        state.setId("translate-progress-" + l.code());
        bar.getElement().setAttribute("aria-labelledby", state.getId().orElseThrow()); // axe: a progress bar needs a name
        var fallback = new Checkbox(getTranslation("survey.translate.fallback", name(base)), l.fallback());
        fallback.setId("translate-fallback-" + l.code());
        fallback.addValueChangeListener(e -> {
            if (e.isFromClient()) act(() -> translation.setFallback(surveyId, l.code(), e.getValue()), null);
        });
        var translate = new Button(getTranslation("survey.translate.edit"), e -> {
            editing = l.code();
            showTexts();
        });
        translate.setId("translate-edit-" + l.code());
        translate.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var remove = new Button(getTranslation("survey.translate.remove"), e -> {
            if (act(() -> translation.removeLanguage(surveyId, l.code()), null) && l.code().equals(editing)) {
                editing = null;
                texts.removeAll();
            }
        });
        remove.setId("translate-remove-" + l.code());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var ready = new Span(getTranslation(l.ready() ? "survey.translate.ready" : "survey.translate.not-ready"));
        ready.getElement().getThemeList().add(l.ready() ? "badge success" : "badge contrast");
        var actions = new Div(translate, remove);
        actions.addClassName("survey-language-actions");
        var row = new Div(new Div(heading, ready), bar, state, fallback, actions);
        row.addClassName("survey-language");
        row.setId("translate-language-" + l.code());
        return row;
    }

    private String progressText(Progress p) {
        return p.outdated() == 0 ? getTranslation("survey.translate.progress", p.translated(), p.total(), p.percent())
                : getTranslation("survey.translate.progress.outdated", p.translated(), p.total(), p.percent(), p.outdated());
    }

    /** Every text of the current structure beside its translation into {@link #editing}. */
    private void showTexts() {
        showLanguages();
        texts.removeAll();
        if (editing == null) return;
        texts.add(new H2(getTranslation("survey.translate.texts", name(editing))));
        for (TranslationSummary t : translation.texts(surveyId, editing)) {
            var label = new Span(keyLabel(t.key()));
            label.addClassName("survey-translation-key");
            var original = new Paragraph(t.base());
            original.getElement().setAttribute("lang", base);
            original.addClassName("survey-translation-base");
            var field = new TextArea(name(editing));
            field.setMaxLength(t.max());
            field.setValue(t.translation() == null ? "" : t.translation());
            field.getElement().setAttribute("lang", editing);
            field.setId("translate-" + t.key().replace('.', '-'));
            if (t.translation() != null && !t.current()) {
                field.setHelperText(getTranslation("survey.translate.outdated"));
            }
            String language = editing;
            field.addValueChangeListener(e -> {
                if (!e.isFromClient()) return;
                try {
                    Progress p = translation.saveText(surveyId, language, t.key(), e.getValue());
                    field.setInvalid(false);
                    field.setHelperText(null);
                    showLanguages();
                    Notification.show(getTranslation("survey.translate.saved", progressText(p)), 2000, Notification.Position.BOTTOM_START);
                } catch (SurveyRejectedException refused) {
                    field.setErrorMessage(getTranslation(refused.messageKey()));
                    field.setInvalid(true);
                }
            });
            var row = new Div(new Div(label, original), field);
            row.addClassName("survey-translation-row");
            texts.add(row);
        }
    }

    /** "Question q3: option lawyer" for {@code q.q3.option.lawyer} ("row" for a matrix row); the key itself for anything unforeseen. */
    String keyLabel(String key) {
        String[] p = key.split("\\.");
        return switch (p.length) {
            case 1 -> getTranslation("survey.translate.key." + p[0]);
            case 3 -> p[0].equals("section") ? getTranslation("survey.translate.key.section." + p[2], Integer.parseInt(p[1]) + 1)
                    : getTranslation("survey.translate.key.question." + p[2], p[1]);
            case 4 -> getTranslation(p[2].equals("row") ? "survey.translate.key.row" : "survey.translate.key.option", p[1], p[3]);
            default -> key;
        };
    }

    private String name(String code) {
        return code == null ? "" : SurveyLanguages.name(code, getLocale()) + " (" + code + ")";
    }

    /** Runs a change; a refusal shows next to {@code field} (or as a notice) and nothing else happens. */
    private boolean act(Runnable change, ComboBox<String> field) {
        try {
            change.run();
            if (field != null) field.setInvalid(false);
            showLanguages();
            return true;
        } catch (SurveyRejectedException refused) {
            if (field != null) {
                field.setErrorMessage(getTranslation(refused.messageKey()));
                field.setInvalid(true);
            } else {
                Notification.show(getTranslation(refused.messageKey()), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            if (field == baseLanguage) baseLanguage.setValue(base);
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.translate.title") + ": " + title;
    }
}
