package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.base.ui.NotFoundView;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTestData.Built;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.ngoplatform.survey.design.SurveyWaveService;
import org.ngoplatform.survey.results.PublishedResultsService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The waves panel of the results page and the public page of published results, browserless, in en/de/ru. */
@IntegrationTest
class SurveyWavesViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyWaveService waves;
    @Autowired SurveyTranslationService translations;
    @Autowired PublishedResultsService publications;

    @AfterEach
    void signOut() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        AccountFixtures.signOut();
    }

    private long twoWaves(Built first) {
        for (int i = 0; i < 6; i++) data.submit(first, SurveyTestData.complete("lawyer", 5 + i, true));
        AccountFixtures.signIn(first.analyst());
        long second = waves.newWave(first.id(), "Second wave");
        builder.changeStatus(second, SurveyStatus.OPEN);
        Built secondWave = new Built(second, builder.find(second).orElseThrow().publicKey(), first.analyst());
        AccountFixtures.signOut();
        data.submit(secondWave, SurveyTestData.complete("ngo", 7, false));
        AccountFixtures.signIn(first.analyst());
        return second;
    }

    @Test
    void the_results_page_shows_the_waves_side_by_side_with_each_waves_own_suppression() {
        Built first = data.openSurvey();
        long second = twoWaves(first);
        SurveyResultsView view = navigate("surveys/" + second + "/results", SurveyResultsView.class);
        Component panel = view.wavePanel;
        assertThat(texts(panel, "survey-waves-current")).containsExactly("Wave 2: Second wave (Open)");
        assertThat(find(Anchor.class).withText("Wave 1: " + builder.find(first.id()).orElseThrow().title() + " (Open)")
                .single().getHref()).isEqualTo("surveys/" + first.id() + "/results");
        Component role = byId(panel, "wave-result-role").orElseThrow();
        List<String> lawyer = rowWithCode(role, "lawyer");
        assertThat(lawyer).containsExactly("Label lawyer", "6 (100%)", "*");
        assertThat(rowWithCode(role, "ngo")).containsExactly("Label ngo", "0 (0%)", "<5");
        assertThat(byId(panel, "survey-waves-totals").orElseThrow().getElement().getTextRecursively())
                .contains("6").contains("<5");

        UI.getCurrent().setLocale(Locale.GERMAN);
        view = navigate("surveys/" + second + "/results", SurveyResultsView.class);
        assertThat(texts(view.wavePanel, "survey-waves-current")).containsExactly("Welle 2: Second wave (Offen)");
        assertThat(view.wavePanel.newWave.getText()).isEqualTo("Als neue Welle wiederholen");
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        view = navigate("surveys/" + second + "/results", SurveyResultsView.class);
        assertThat(texts(view.wavePanel, "survey-waves-current")).singleElement().asString().startsWith("Волна 2:");
    }

    @Test
    void repeating_as_a_new_wave_opens_the_new_draft_in_the_editor() {
        Built first = data.openSurvey();
        AccountFixtures.signIn(first.analyst());
        SurveyResultsView view = navigate("surveys/" + first.id() + "/results", SurveyResultsView.class);
        assertThat(byId(view.wavePanel, "survey-waves-comparison").orElseThrow().getElement().getTextRecursively())
                .contains("no other waves yet");
        test(view.wavePanel.newTitle).setValue("Compensation 2027");
        test(view.wavePanel.newWave).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("SurveyEditorView");
        assertThat(waves.waves(first.id())).extracting(w -> w.title()).last().isEqualTo("Compensation 2027");
    }

    @Test
    void an_analyst_publishes_a_closed_survey_and_anyone_reads_it_until_it_is_unpublished() {
        Built survey = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        data.submit(survey, SurveyTestData.complete("ngo", 3, false));
        AccountFixtures.signIn(survey.analyst());
        SurveyResultsView open = navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        assertThat(byId(open, "survey-publication-state").orElseThrow().getElement().getTextRecursively())
                .contains("once the survey is closed");
        builder.changeStatus(survey.id(), SurveyStatus.CLOSED);
        navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        test(find(Button.class).id("survey-publish")).click();
        String href = find(Anchor.class).id("survey-publication-link").getHref();
        String title = builder.find(survey.id()).orElseThrow().title();
        assertThat(href).matches("published/[A-Za-z0-9_-]{24}");

        AccountFixtures.signOut();
        PublishedResultsView page = navigate(href, PublishedResultsView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo(title);
        assertThat(byId(page, "published-total").map(c -> ((HasText) c).getText())).contains("Responses: 7");
        assertThat(byId(page, "published-role")).isPresent();
        assertThat(byId(page, "published-comment")).as("free-text answers are not published").isEmpty();
        assertThat(texts(byId(page, "published-role").orElseThrow(), "survey-bar-value")).containsExactly("*", "<5");
        assertThat(find(Button.class).id("published-print").getText()).isEqualTo("Print");
        UI.getCurrent().setLocale(Locale.GERMAN);
        navigate(href, PublishedResultsView.class);
        assertThat(find(Button.class).id("published-print").getText()).isEqualTo("Drucken");
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        navigate(href, PublishedResultsView.class);
        assertThat(find(Button.class).id("published-print").getText()).isEqualTo("Печать");
        UI.getCurrent().setLocale(Locale.ENGLISH);

        AccountFixtures.signIn(survey.analyst());
        navigate("surveys/" + survey.id() + "/results", SurveyResultsView.class);
        test(find(Button.class).id("survey-unpublish")).click();
        AccountFixtures.signOut();
        navigate(href, Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void the_public_page_switches_among_the_surveys_languages_by_plain_links() {
        Built survey = data.openSurvey();
        for (int i = 0; i < 6; i++) data.submit(survey, SurveyTestData.complete("lawyer", 5 + i, true));
        AccountFixtures.signIn(survey.analyst());
        translations.addLanguage(survey.id(), "de");
        translations.saveText(survey.id(), "de", SurveyTexts.questionKey("role"), "Ihre Rolle");
        translations.setFallback(survey.id(), "de", true);
        builder.changeStatus(survey.id(), SurveyStatus.CLOSED);
        String slug = publications.publish(survey.id()).slug();
        AccountFixtures.signOut();

        PublishedResultsView page = navigate("published/" + slug, PublishedResultsView.class);
        Anchor german = find(Anchor.class).withText("German – Deutsch").single();
        assertThat(german.getHref()).isEqualTo("published/" + slug + "?lang=de");
        assertThat(byId(page, "published-role").orElseThrow().getElement().getTextRecursively()).contains("Question role");
        UI.getCurrent().navigate("published/" + slug, QueryParameters.of("lang", "de"));
        page = (PublishedResultsView) getCurrentView();
        assertThat(byId(page, "published-role").orElseThrow().getElement().getTextRecursively()).contains("Ihre Rolle");
        assertThat(byId(page, "published-content").orElseThrow().getElement().getAttribute("lang")).isEqualTo("de");
    }

    private static List<String> rowWithCode(Component table, String code) {
        Component row = withAttribute(table, "data-code", code).getFirst();
        return row.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }

    private static List<Component> withAttribute(Component root, String name, String value) {
        List<Component> found = new ArrayList<>();
        if (value.equals(root.getElement().getAttribute(name))) found.add(root);
        root.getChildren().forEach(c -> found.addAll(withAttribute(c, name, value)));
        return found;
    }

    private static List<Component> withClass(Component root, String className) {
        List<Component> found = new ArrayList<>();
        if (root.getElement().getClassList().contains(className)) found.add(root);
        root.getChildren().forEach(c -> found.addAll(withClass(c, className)));
        return found;
    }

    private static List<String> texts(Component root, String className) {
        return withClass(root, className).stream().map(c -> c.getElement().getTextRecursively()).toList();
    }

    private static Optional<Component> byId(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) return Optional.of(root);
        return root.getChildren().map(c -> byId(c, id)).flatMap(Optional::stream).findFirst();
    }
}
