package org.ngoplatform.survey.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import org.ngoplatform.base.ui.RouteIds;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveySummary;

import java.util.Optional;

/**
 * The survey a {@code surveys/:surveyId/...} route opens: the survey as listed and its current structure. An id that
 * does not parse or names no survey ends on "Page not found" ({@link RouteIds}); the editor, preview and results
 * views all open a survey this way.
 */
record OpenedSurvey(SurveySummary summary, SurveyStructure structure) {

    long id() {
        return summary.id();
    }

    static Optional<OpenedSurvey> find(BeforeEnterEvent event, SurveyBuilderService builder) {
        return RouteIds.find(event, "surveyId", builder::find)
                .map(found -> new OpenedSurvey(found, builder.structure(found.id())));
    }
}
