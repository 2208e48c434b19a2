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

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static List<Component> withClass(Component root, String className) {
        List<Component> found = new ArrayList<>();
        if (root.getElement().getClassList().contains(className)) found.add(root);
        root.getChildren().forEach(c -> found.addAll(withClass(c, className)));
        return found;
    }

    private static List<String> texts(Component root, String className) {
        return withClass(root, className).stream().map(c -> ((HasText) c).getText()).toList();
    }

    private static Optional<Component> byId(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) return Optional.of(root);
        return root.getChildren().map(c -> byId(c, id)).flatMap(Optional::stream).findFirst();
    }

    @Test
    void a_number_question_shows_its_distribution_as_bars_with_a_text_alternative_naming_every_bin() {
        var survey = data.openSurvey();
        for (int i = 0; i < 5; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5, true));
        for (int i = 0; i < 5; i++) data.submit(survey, SurveyTestData.complete("ngo", 8, true));
        AccountFixtures.signIn(survey.analyst());
        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);

        Component chart = byId(view.content, "distribution-years").orElseThrow();
        assertThat(texts(chart, "survey-bar-label")).containsExactly("5", "6", "7", "8");
        assertThat(texts(chart, "survey-bar-value")).containsExactly("5 (50%)", "0 (0%)", "0 (0%)", "5 (50%)");
        // bars are scaled to the largest bin, as in a histogram
        assertThat(withClass(chart, "survey-bar-fill").stream().map(c -> c.getElement().getStyle().get("width")))
                .containsExactly("100%", "0%", "0%", "100%");
        assertThat(chart.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(chart.getElement().getAttribute("aria-label"))
                .isEqualTo("Distribution of the answers to \"How many years?\", number of answers per range:"
                        + " 5: 5 (50%); 6: 0 (0%); 7: 0 (0%); 8: 5 (50%)");
        // mean and median stay beside it
        assertThat(view.content.getElement().getOuterHTML()).contains("Mean 6.5", "Median 6.5");
    }

    @Test
    void with_fewer_than_k_answers_a_number_question_shows_no_distribution_and_says_why() {
        var survey = data.openSurvey();
        for (int i = 0; i < 4; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        AccountFixtures.signIn(survey.analyst());
        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);

        Component card = byId(view.content, "result-years").orElseThrow();
        assertThat(byId(card, "distribution-years")).isEmpty();
        assertThat(withClass(card, "survey-bar")).isEmpty();
        assertThat(card.getChildren().filter(Paragraph.class::isInstance).map(c -> ((Paragraph) c).getText()))
                .containsExactly("Mean, median and distribution are hidden: fewer than 5 answers.");
    }

    @Test
    void every_count_with_a_share_on_the_page_follows_one_rule_even_where_the_share_must_stay_out() {
        var survey = data.openSurvey();
        for (int i = 0; i < 10; i++) data.submit(survey, SurveyTestData.complete(i < 5 ? "lawyer" : "ngo", 5, true));
        // one respondent was not asked "routes": "not asked" is small, so "answered" of routes is hidden as its
        // partner and the routes' shares must stay out; role keeps its shares
        data.submit(survey, SurveyTestData.complete("ngo", 5, false));
        AccountFixtures.signIn(survey.analyst());
        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);

        List<String> all = texts(view.content, "survey-bar-value");
        assertThat(all).isNotEmpty().allMatch(t -> t.matches("<\\d+|\\*|\\d+ \\((\\d+%|–)\\)"), "count (share), count (–) or a mark");
        assertThat(texts(byId(view.content, "result-role").orElseThrow(), "survey-bar-value"))
                .containsExactly("5 (45%)", "6 (55%)");
        assertThat(texts(byId(view.content, "result-claimed").orElseThrow(), "survey-bar-value"))
                .containsExactly("*", "<5");
        assertThat(texts(byId(view.content, "result-routes").orElseThrow(), "survey-bar-value"))
                .containsExactly("10 (–)", "0 (–)", "10 (–)", "0 (–)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_distributions_caption_and_text_alternative_are_in_the_readers_language() {
        var survey = data.openSurvey();
        for (int i = 0; i < 5; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5, true));
        for (int i = 0; i < 5; i++) data.submit(survey, SurveyTestData.complete("ngo", 8, true));
        AccountFixtures.signIn(survey.analyst());
        navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        test((com.vaadin.flow.component.combobox.ComboBox<java.util.Locale>) find(com.vaadin.flow.component.combobox.ComboBox.class)
                .withId("language").single()).selectItem("русский");
        SurveyResultsView view = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);

        Component chart = byId(view.content, "distribution-years").orElseThrow();
        assertThat(chart.getElement().getAttribute("aria-label")).isEqualTo("Распределение ответов на «How many years?», "
                + "число ответов в каждом интервале: 5: 5 (50%); 6: 0 (0%); 7: 0 (0%); 8: 5 (50%)");
        assertThat(texts(byId(view.content, "result-years").orElseThrow(), "survey-histogram-title"))
                .containsExactly("Распределение ответов");
    }
}
