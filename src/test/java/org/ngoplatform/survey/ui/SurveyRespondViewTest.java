package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyRespondViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @SuppressWarnings("unchecked")
    private <T> void set(SurveyFormPanel form, String code, T value) {
        ((HasValue<?, T>) form.field(code).orElseThrow().input).setValue(value);
    }

    private long responses(long surveyId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(surveyId).query(Long.class).single();
    }

    @Test
    void a_respondent_goes_page_by_page_with_checks_conditions_review_and_thanks() {
        var survey = data.openSurvey();
        SurveyRespondView view = navigate("s/" + survey.key(), SurveyRespondView.class);
        test(view.start).click();
        SurveyFormPanel form = view.form;
        assertThat(form.progressText.getText()).isEqualTo("Page 1 of 2");

        test(form.next).click();
        HasValidation role = (HasValidation) form.field("role").orElseThrow().input;
        assertThat(role.isInvalid()).isTrue();
        assertThat(role.getErrorMessage()).isEqualTo("Please answer this question.");
        assertThat(form.page()).isZero();

        set(form, "role", "lawyer");
        set(form, "years", new BigDecimal("75"));
        test(form.next).click();
        assertThat(((HasValidation) form.field("years").orElseThrow().input).getErrorMessage()).isEqualTo("Please enter 60 or less.");
        set(form, "years", new BigDecimal("12"));
        test(form.next).click();
        assertThat(form.progressText.getText()).isEqualTo("Page 2 of 2");

        // the routes question appears only after "yes"
        assertThat(form.field("routes").orElseThrow().isVisible()).isFalse();
        set(form, "claimed", "yes");
        assertThat(form.field("routes").orElseThrow().isVisible()).isTrue();
        set(form, "routes", Set.of("other"));
        assertThat(form.field("routes").orElseThrow().other.isVisible()).isTrue();
        test(form.next).click();
        assertThat(((HasValidation) form.field("routes").orElseThrow().input).getErrorMessage()).isEqualTo("Please say what \"Other\" means.");
        form.field("routes").orElseThrow().other.setValue("Mediation by a labour union");
        test(form.next).click();

        assertThat(form.submit.isVisible()).isTrue();
        assertThat(find(Component.class).id("survey-review").getElement().getTextRecursively())
                .contains("Lawyer".replace("Lawyer", "Label lawyer"), "12", "Other: Mediation by a labour union");
        test(form.submit).click();

        assertThat(find(Paragraph.class).id("survey-thanks").getText()).isEqualTo("Thanks!");
        assertThat(responses(survey.id())).isEqualTo(1);

        // the same browser session is told it has answered already
        navigate("s/" + survey.key(), SurveyRespondView.class);
        assertThat(find(Paragraph.class).id("survey-message").getText()).contains("already answered");
    }

    @Test
    void saving_shows_a_resume_code_once_and_the_code_brings_the_answers_back() {
        var survey = data.openSurvey();
        SurveyRespondView view = navigate("s/" + survey.key(), SurveyRespondView.class);
        test(view.start).click();
        set(view.form, "role", "ngo");
        set(view.form, "years", new BigDecimal("3"));
        test(view.form.next).click();
        test(view.form.save).click();
        String code = find(Span.class).id("resume-code-shown").getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        SurveyRespondView later = navigate("s/" + survey.key(), SurveyRespondView.class);
        test(later.resumeCode).setValue("WRONG-CODE");
        test(later.resume).click();
        assertThat(later.resumeCode.isInvalid()).isTrue();
        assertThat(later.resumeCode.getErrorMessage()).isEqualTo("This code is unknown or has expired.");

        test(later.resumeCode).setValue(code);
        test(later.resume).click();
        assertThat(later.form.page()).isEqualTo(1);
        test(later.form.back).click();
        assertThat(((HasValue<?, ?>) later.form.field("role").orElseThrow().input).getValue()).isEqualTo("ngo");
        assertThat(((HasValue<?, ?>) later.form.field("years").orElseThrow().input).getValue()).isEqualTo(new BigDecimal("3"));

        // the link form: ?resume=CODE
        com.vaadin.flow.component.UI.getCurrent().navigate("s/" + survey.key(),
                com.vaadin.flow.router.QueryParameters.of("resume", code));
        SurveyRespondView viaLink = (SurveyRespondView) getCurrentView();
        assertThat(viaLink.form).isNotNull();
        assertThat(viaLink.form.page()).isEqualTo(1);
    }

    /** What the server asked the browser to do to its history since the last call (pushState/replaceState). */
    private static List<UIInternals.JavaScriptInvocation> historyWrites() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(i -> i.getExpression().contains("history.pushState") || i.getExpression().contains("history.replaceState")
                        || i.getExpression().contains("'vaadin-navigate'"))
                .toList();
    }

    /** A history write that replaces the current entry (React router event or plain window.history). */
    private static boolean replaces(UIInternals.JavaScriptInvocation i) {
        return i.getExpression().contains("replace: true") || i.getExpression().contains("history.replaceState");
    }

    @Test
    void a_resume_link_is_read_once_and_its_code_is_replaced_out_of_the_address_bar_and_history() {
        var survey = data.openSurvey();
        SurveyRespondView view = navigate("s/" + survey.key(), SurveyRespondView.class);
        test(view.start).click();
        set(view.form, "role", "ngo");
        set(view.form, "years", new BigDecimal("3"));
        test(view.form.next).click();
        historyWrites();
        test(view.form.save).click();
        String code = find(Span.class).id("resume-code-shown").getText();
        // the dialog shows the link once; showing it puts nothing into the address bar
        assertThat(find(Anchor.class).id("resume-link").getHref()).isEqualTo("s/" + survey.key() + "?resume=" + code);
        assertThat(historyWrites()).as("saving writes no history entry")
                .extracting(i -> i.getExpression() + " " + i.getParameters()).isEmpty();

        navigate("s/" + survey.key(), SurveyRespondView.class);
        assertThat(historyWrites()).as("no link, nothing to replace").isNotEmpty()
                .noneMatch(SurveyRespondViewTest::replaces);

        UI.getCurrent().navigate("s/" + survey.key(), QueryParameters.of("resume", code));
        SurveyRespondView viaLink = (SurveyRespondView) getCurrentView();
        assertThat(viaLink.form.page()).as("the code from the link was used").isEqualTo(1);
        List<UIInternals.JavaScriptInvocation> writes = historyWrites();
        assertThat(writes).isNotEmpty();
        UIInternals.JavaScriptInvocation last = writes.getLast();
        assertThat(replaces(last)).as("the current entry is replaced, not a new one added: " + last.getExpression()).isTrue();
        assertThat(last.getParameters()).contains("s/" + survey.key())
                .noneMatch(p -> String.valueOf(p).contains(code) || String.valueOf(p).contains("resume"));

        // a wrong code in a link leaves the address bar too
        UI.getCurrent().navigate("s/" + survey.key(), QueryParameters.of("resume", "WRONG-CODE"));
        assertThat(((SurveyRespondView) getCurrentView()).resumeCode.isInvalid()).isTrue();
        UIInternals.JavaScriptInvocation afterWrongCode = historyWrites().getLast();
        assertThat(replaces(afterWrongCode)).isTrue();
        assertThat(afterWrongCode.getParameters()).contains("s/" + survey.key())
                .noneMatch(p -> String.valueOf(p).contains("WRONG"));
    }

    @Test
    void a_survey_for_signed_in_participants_asks_anonymous_visitors_to_sign_in() {
        var settings = SurveyTestData.settings("Members only");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        var survey = data.openSurvey(settings);
        SurveyRespondView view = navigate("s/" + survey.key(), SurveyRespondView.class);
        assertThat(view.getElement().getTextRecursively()).contains("Please sign in to answer this survey.");
        assertThat(view.form).isNull();
    }

    @Test
    void the_seeded_compensation_survey_opens_for_anyone() {
        SurveyRespondView view = navigate("s/compensation-professionals-2026", SurveyRespondView.class);
        test(view.start).click();
        assertThat(view.form.field("profession")).isPresent();
        assertThat(view.form.field("country")).isPresent();
    }
}
