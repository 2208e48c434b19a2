package org.ngoplatform.survey;

import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.results.PublishedResultsService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A closed survey with a few responses and its results published, for tests that need a real public link (route
 * tables). Made once per test JVM; whoever is signed in stays signed in.
 */
@Component
public class SurveyPublicationFixtures {

    private final SurveyTestData data;
    private final SurveyBuilderService builder;
    private final PublishedResultsService publications;
    private String slug;

    SurveyPublicationFixtures(SurveyTestData data, SurveyBuilderService builder, PublishedResultsService publications) {
        this.data = data;
        this.builder = builder;
        this.publications = publications;
    }

    /** The slug of a published survey's results page. */
    public synchronized String publishedSlug() {
        if (slug != null) return slug;
        var before = SecurityContextHolder.getContext();
        try {
            var survey = data.openSurvey(SurveyTestData.settings("Published results"));
            for (int i = 0; i < 6; i++) {
                data.submit(survey, SurveyTestData.complete(i % 2 == 0 ? "lawyer" : "ngo", 5 + i, i % 3 == 0));
            }
            AccountFixtures.signIn(survey.analyst());
            builder.changeStatus(survey.id(), SurveyStatus.CLOSED);
            slug = publications.publish(survey.id()).slug();
            return slug;
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
