package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.select.Select;
import org.ngoplatform.survey.SurveyLanguages;

import java.util.List;
import java.util.Locale;

/**
 * Picks one of a survey's languages (respondents' page, results); hidden while the survey has only one. Each
 * language is named in the viewer's language and in itself ("German – Deutsch"), so a respondent finds their own
 * language whatever the page's language is.
 */
class SurveyLanguageSelect extends Select<String> {

    SurveyLanguageSelect(String label, String id) {
        setLabel(label);
        setId(id);
        setItemLabelGenerator(this::name);
        setVisible(false);
    }

    /** Offers {@code codes} with {@code value} chosen, without firing a value change to listeners of the user's choice. */
    void offer(List<String> codes, String value) {
        setItems(codes);
        setValue(value);
        setVisible(codes.size() > 1);
    }

    String name(String code) {
        String inViewer = SurveyLanguages.name(code, getLocale());
        String inItself = SurveyLanguages.name(code, Locale.of(code));
        return inViewer.equals(inItself) ? inViewer : inViewer + " – " + inItself;
    }
}
