package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.ngoplatform.survey.design.SurveyBuilderService;

/**
 * A view on a {@code surveys/:surveyId/...} route: it opens the survey the route names ({@link OpenedSurvey}; "Page
 * not found" for an id that does not parse or names nothing) and then shows it in {@link #enter(OpenedSurvey)}.
 */
abstract class SurveyRouteView extends Div implements BeforeEnterObserver {

    protected final SurveyBuilderService builder;

    SurveyRouteView(SurveyBuilderService builder) {
        this.builder = builder;
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        OpenedSurvey.find(event, builder).ifPresent(this::enter);
    }

    /** Shows the survey the route opened; called again when the route is entered again. */
    protected abstract void enter(OpenedSurvey opened);
}
