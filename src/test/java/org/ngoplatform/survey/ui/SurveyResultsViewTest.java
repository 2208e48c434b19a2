package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.base.live.LiveUpdates;
import org.ngoplatform.survey.SurveyResponseArrived;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class SurveyResultsViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired LiveUpdates live;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /**
     * In the app a response arrives on the respondent's request thread; the refresh reaches the analyst's view after
     * commit on a {@code live-} thread of {@code LiveUpdates}, never on the respondent's, and runs the analyst's
     * {@code ui.access} task without any security context of its own. Vaadin's security context strategy then reads
     * the analyst's context from the HTTP session of the UI being accessed, so the role check of the results service
     * passes without the view handing a context over by hand.
     */
    @Test
    void a_response_refreshes_the_results_off_the_respondents_thread_under_the_analysts_role() throws Exception {
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
        // delivered exactly as the view's own subscription is (LiveSubscription calls ui.access on this thread)
        AtomicReference<String> deliveredOn = new AtomicReference<>();
        var recorder = live.subscribe(SurveyResponseArrived.class, survey.id(),
                e -> deliveredOn.set(Thread.currentThread().getName()));

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
        // what @Push does: run the access tasks queued for this UI (the live- thread may have run them already)
        await().pollInSameThread().atMost(10, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
            session.getService().runPendingAccessTasks(session);
            return view.total.getText().equals("Responses: 7");
        });
        recorder.remove();
        assertThat(deliveredOn.get()).as("the refresh is delivered off the respondent's thread")
                .startsWith("live-").isNotEqualTo("respondent-request");
    }
}
