package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Shown once, when an anonymous respondent first saves a draft: the code that resumes it, a link with the code
 * (relative to the application root, to bookmark) and the date the draft is kept until.
 */
class ResumeCodeDialog extends Dialog {

    ResumeCodeDialog(String code, String link, String keptUntil) {
        setHeaderTitle(getTranslation("survey.respond.code.title"));
        setId("resume-code-dialog");
        var codeText = new Span(code);
        codeText.setId("resume-code-shown");
        codeText.addClassName("survey-code");
        var anchor = new Anchor(link, getTranslation("survey.respond.code.link"));
        anchor.setId("resume-link");
        var ok = new Button(getTranslation("survey.respond.code.close"), e -> close());
        ok.setId("resume-code-close");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("survey.respond.code.text", keptUntil)), codeText, new Div(anchor));
        getFooter().add(ok);
    }
}
