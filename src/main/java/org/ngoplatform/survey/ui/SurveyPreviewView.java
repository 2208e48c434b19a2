package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.respond.AnswerRules;

import java.util.Map;

/** The survey exactly as respondents see it, for its builders; nothing entered here is stored. */
@Route("surveys/:surveyId/preview")
@RolesAllowed({"ANALYST", "ORGANISER"})
class SurveyPreviewView extends SurveyRouteView implements HasDynamicTitle {

    SurveyFormPanel form;
    private String title = "";

    SurveyPreviewView(SurveyBuilderService builder) {
        super(builder);
        addClassNames("page", "narrow-page", "survey-page");
        setId("survey-preview");
    }

    @Override
    protected void enter(OpenedSurvey opened) {
        SurveyStructure structure = opened.structure();
        title = getTranslation("survey.respond.preview") + ": " + structure.title();
        removeAll();
        add(new ViewHeader(title));
        var note = new Paragraph(getTranslation("survey.respond.preview.note"));
        note.addClassName("survey-preview-note");
        add(note);
        if (structure.intro() != null) {
            add(new Paragraph(structure.intro()));
        }
        form = new SurveyFormPanel(structure, false, new SurveyFormPanel.Actions() {
            @Override
            public void save(Map<String, AnswerValue> answers, int pageIndex) {
            }

            @Override
            public Map<String, AnswerRules.Problem> submit(Map<String, AnswerValue> answers) {
                Map<String, AnswerRules.Problem> problems = AnswerRules.validate(structure.questions(),
                        AnswerRules.visibility(structure, answers), answers);
                if (problems.isEmpty()) {
                    Notification.show(getTranslation("survey.respond.preview.submitted"));
                    form.submit.setEnabled(true);
                }
                return problems;
            }
        });
        add(form);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
