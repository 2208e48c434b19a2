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
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.SurveyTestData.Built;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.SurveyBuilderService;
import org.ngoplatform.survey.design.SurveyTranslationService;
import org.ngoplatform.survey.design.SurveyWaveService;
import org.ngoplatform.survey.results.CountText;
import org.ngoplatform.survey.results.PublishedResultsService;
import org.ngoplatform.survey.results.SurveyResultsService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The waves panel of the results page and the public page of published results, browserless, in en/de/ru. */
@IntegrationTest
class SurveyWavesViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyBuilderService builder;
    @Autowired SurveyWaveService waves;
    @Autowired SurveyTranslationService translations;
    @Autowired PublishedResultsService publications;
    @Autowired SurveyResultsService results;
    @Autowired org.ngoplatform.account.AccountFixtures fixtures;

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

    /**
     * A matrix and a ranking in the waves panel and on the published page: every cell is the one the analyst's own
     * results of that wave show (suppressed by the same RowTables), so a small count is hidden there too.
     */
    @Test
    void matrix_and_ranking_tables_show_in_the_waves_panel_and_on_the_published_page_with_the_analysts_suppression() {
        var analyst = fixtures.signIn(org.ngoplatform.account.Role.ANALYST);
        long id = builder.create(SurveyTestData.settings("Waves matrix"));
        builder.addQuestion(id, 0, SurveyTestData.matrix("rights", true, false, List.of("police", "court"), "yes", "no"));
        builder.addQuestion(id, 0, SurveyTestData.ranking("needs", true, "money", "safety"));
        builder.changeStatus(id, SurveyStatus.OPEN);
        Built first = new Built(id, builder.find(id).orElseThrow().publicKey(), analyst);
        AccountFixtures.signOut();
        for (int i = 0; i < 7; i++) {
            data.submit(first, Map.of(
                    "rights", AnswerValue.ofRows(Map.of("police", Set.of("yes"), "court", Set.of(i < 2 ? "yes" : "no"))),
                    "needs", AnswerValue.ofRanking(List.of("money", "safety"))));
        }
        AccountFixtures.signIn(analyst);
        long second = waves.newWave(id, "Second matrix wave");
        builder.changeStatus(second, SurveyStatus.OPEN);
        Built secondWave = new Built(second, builder.find(second).orElseThrow().publicKey(), analyst);
        AccountFixtures.signOut();
        data.submit(secondWave, Map.of(
                "rights", AnswerValue.ofRows(Map.of("police", Set.of("no"), "court", Set.of("no"))),
                "needs", AnswerValue.ofRanking(List.of("safety", "money"))));
        AccountFixtures.signIn(analyst);
        List<SurveyResultsService.SurveyResults> own = List.of(results.results(id, null, null), results.results(second, null, null));

        SurveyResultsView view = navigate("surveys/" + second + "/results", SurveyResultsView.class);
        for (String code : List.of("rights", "needs")) {
            Component box = byId(view.wavePanel, "wave-result-" + code).orElseThrow();
            for (int w = 0; w < 2; w++) {
                var mine = own.get(w).questions().stream().filter(q -> q.question().code().equals(code)).findFirst().orElseThrow();
                assertThat(mine.rows()).isNotEmpty();
                for (var row : mine.rows()) {
                    assertThat(rowWithCode(box, row.code()).get(w + 1)).isEqualTo(row.answered().display());
                    for (var o : row.options()) {
                        assertThat(rowWithCode(box, row.code() + "." + o.code()).get(w + 1)).as("%s %s.%s wave %d", code, row.code(), o.code(), w + 1)
                                .isEqualTo(CountText.withShare(o.count(), o.percent()));
                    }
                }
            }
        }
        // wave 1: two said yes for the court (small, hidden, and its complement with it); wave 2 has one response
        assertThat(rowWithCode(byId(view.wavePanel, "wave-result-rights").orElseThrow(), "court.yes"))
                .startsWith("Row court: Label yes", "<5");
        assertThat(rowWithCode(byId(view.wavePanel, "wave-result-needs").orElseThrow(), "money.1").getFirst())
                .isEqualTo("Label money: Rank 1");
        assertThat(rowWithCode(byId(view.wavePanel, "wave-result-needs").orElseThrow(), "money.mean").get(1)).isEqualTo("1.0");

        builder.changeStatus(id, SurveyStatus.CLOSED);
        String slug = publications.publish(id).slug();
        AccountFixtures.signOut();
        PublishedResultsView page = navigate("published/" + slug, PublishedResultsView.class);
        for (String code : List.of("rights", "needs")) {
            Component table = byId(page, "row-results-" + code).orElseThrow();
            var mine = own.getFirst().questions().stream().filter(q -> q.question().code().equals(code)).findFirst().orElseThrow();
            for (var row : mine.rows()) {
                Component tr = withAttribute(table, "data-code", row.code()).getFirst();
                for (var o : row.options()) {
                    assertThat(withAttribute(tr, "data-code", o.code()).getFirst().getElement().getTextRecursively())
                            .as("published %s %s.%s", code, row.code(), o.code()).isEqualTo(CountText.withShare(o.count(), o.percent()));
                }
            }
        }
        assertThat(rowWithCode(byId(page, "row-results-rights").orElseThrow(), "court")).contains("<5", "*")
                .doesNotContain("2 (29%)", "5 (71%)");
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
