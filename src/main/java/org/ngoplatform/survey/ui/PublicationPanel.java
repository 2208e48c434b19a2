package org.ngoplatform.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.base.ui.FieldErrors;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.design.ClosedSurveys;
import org.ngoplatform.survey.results.PublishedResultsService;
import org.ngoplatform.survey.results.PublishedResultsService.Publication;

import java.util.Optional;

/**
 * On a survey's results page: publish its suppressed results to a public link once it is closed, show the link while
 * published, and unpublish (the link is "page not found" at once). Free-text answers are never published.
 */
class PublicationPanel extends Div {

    final Button publish = new Button();
    final Button unpublish = new Button();
    final Div state = new Div();

    private final PublishedResultsService publications;
    private final long surveyId;

    PublicationPanel(PublishedResultsService publications, long surveyId, SurveyStatus status) {
        this.publications = publications;
        this.surveyId = surveyId;
        setId("survey-publication");
        addClassName("survey-publication");
        state.setId("survey-publication-state");
        publish.setText(getTranslation("survey.publish.button"));
        publish.setId("survey-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        unpublish.setText(getTranslation("survey.publish.unpublish"));
        unpublish.setId("survey-unpublish");
        unpublish.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FieldErrors errors = new FieldErrors(this, FieldErrors.notification(5000, Notification.Position.MIDDLE));
        publish.addClickListener(e -> {
            try {
                publications.publish(surveyId);
                Notification.show(getTranslation("survey.publish.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (SurveyRejectedException rejected) {
                errors.show(rejected);
            }
            show(Optional.ofNullable(status));
        });
        unpublish.addClickListener(e -> {
            publications.unpublish(surveyId);
            Notification.show(getTranslation("survey.publish.undone")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(Optional.ofNullable(status));
        });
        add(new H2(getTranslation("survey.publish.title")), state);
        show(Optional.ofNullable(status));
    }

    private void show(Optional<SurveyStatus> status) {
        state.removeAll();
        Optional<Publication> p = publications.publication(surveyId);
        if (p.isPresent()) {
            String path = PublishedResultsView.path(p.get().slug());
            var link = new Anchor(path, "/" + path);
            link.setId("survey-publication-link");
            link.setTarget("_blank");
            state.add(new Paragraph(getTranslation("survey.publish.published")), link, new Div(unpublish));
        } else if (status.map(ClosedSurveys::publishable).orElse(false)) {
            state.add(new Paragraph(getTranslation("survey.publish.explain")), new Div(publish));
        } else {
            var note = new Paragraph(getTranslation("survey.publish.only-closed"));
            note.addClassName("muted");
            state.add(note);
        }
    }
}
