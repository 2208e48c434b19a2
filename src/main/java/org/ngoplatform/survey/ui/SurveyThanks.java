package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.ngoplatform.base.ui.ViewHeader;

/** What a respondent sees after submitting: the survey's own thank-you text, else the general one. */
class SurveyThanks extends Div {

    SurveyThanks(String surveyThankYou) {
        var header = new ViewHeader(getTranslation("survey.respond.thanks.title"));
        add(header);
        // the Submit button pressed is gone: focus goes to the heading, where a screen reader reads the thanks
        header.getChildren().filter(H1.class::isInstance).findFirst().ifPresent(h1 -> {
            h1.getElement().setAttribute("tabindex", "-1");
            h1.getElement().executeJs("this.focus()");
        });
        var p = new Paragraph(surveyThankYou == null ? getTranslation("survey.respond.thanks") : surveyThankYou);
        p.setId("survey-thanks");
        add(p);
    }
}
