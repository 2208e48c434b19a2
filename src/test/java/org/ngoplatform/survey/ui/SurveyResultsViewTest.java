package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyResultsViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /**
     * In the app a response arrives on the respondent's request thread, which runs the analyst's
     * {@code ui.access} task with the respondent's own security context (or none). Vaadin's security context
     * strategy then reads the analyst's context from the HTTP session of the UI being accessed, so the role
     * check of the results service passes without the view handing a context over by hand.
     */
    @Test
    void a_response_pushed_from_the_respondents_thread_refreshes_the_results_under_the_analysts_role() throws Exception {
        assertThat(SecurityContextHolder.getContextHolderStrategy()).isInstanceOf(VaadinAwareSecurityContextHolderStrategy.class);
        var survey = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        AccountFixtures.signIn(survey.analyst());
        VaadinSession session = VaadinSession.getCurrent();
        // what signing in through the login form leaves in the HTTP session
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                SecurityContextHolder.getContext());
        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(view.total.getText()).isEqualTo("Responses: 6");

        // the request that opened the view is over: its thread forgets the analyst, and the UI is unlocked
        SecurityContextHolder.clearContext();
        session.unlock();
        AtomicReference<Authentication> respondentSignedInAs = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread respondent = new Thread(() -> {
            try {
                respondentSignedInAs.set(SecurityContextHolder.getContext().getAuthentication());
                data.submit(survey, SurveyTestData.complete("ngo", 2, false));
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "respondent-request");
        respondent.start();
        respondent.join(60_000);
        session.lock();

        assertThat(failed.get()).isNull();
        assertThat(respondentSignedInAs.get()).as("the respondent is anonymous").isNull();
        assertThat(session.getPendingAccessQueue()).as("the refresh ran on the respondent's thread").isEmpty();
        assertThat(view.total.getText()).isEqualTo("Responses: 7");
    }
}
