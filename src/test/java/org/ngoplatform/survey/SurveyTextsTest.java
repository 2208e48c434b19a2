package org.ngoplatform.survey;

import org.junit.jupiter.api.Test;
import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;
import org.ngoplatform.survey.SurveyTexts.Stored;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyTextsTest {

    private static SurveyStructure structure(String questionText) {
        QuestionDef q = new QuestionDef(1, "role", QuestionType.SINGLE_CHOICE, questionText, null, true, null, null,
                false, null, null, null, null, true, null, List.of(new OptionDef("ngo", "NGO")));
        return new SurveyStructure(7, 1, 1, "Title", null, null, SurveyAudience.PUBLIC_LINK, SurveyAnonymity.ANONYMOUS,
                5, List.of(new SectionDef(1, 0, "Page 1", null, List.of(q))));
    }

    @Test
    void texts_are_keyed_by_the_structure_codes_and_a_translation_applies_only_while_its_base_text_is_unchanged() {
        SurveyStructure s = structure("Your role");
        assertThat(SurveyTexts.of(s)).extracting(SurveyTexts.Text::key)
                .containsExactly("title", "section.0.title", "q.role.text", "q.role.option.ngo");
        Map<String, Stored> german = Map.of("q.role.text", new Stored("Ihre Rolle", SurveyTexts.hash("Your role")),
                "q.role.option.ngo", new Stored("NRO", SurveyTexts.hash("NGO")));

        var translated = SurveyTexts.translate(s, german);
        assertThat(translated.structure().question("role").orElseThrow().text()).isEqualTo("Ihre Rolle");
        assertThat(translated.structure().question("role").orElseThrow().options().getFirst().label()).isEqualTo("NRO");
        assertThat(translated.structure().question("role").orElseThrow().choices()).extracting(OptionDef::code)
                .containsExactly("ngo", "other");   // codes unchanged: answers pool
        assertThat(translated.fallbacks()).containsExactlyInAnyOrder("title", "section.0.title");
        assertThat(SurveyTexts.progress(s, german)).isEqualTo(new SurveyTexts.Progress(2, 0, 4));

        SurveyStructure edited = structure("Your main role");
        assertThat(SurveyTexts.progress(edited, german)).isEqualTo(new SurveyTexts.Progress(1, 1, 4));
        assertThat(SurveyTexts.translate(edited, german).structure().question("role").orElseThrow().text()).isEqualTo("Your main role");
        assertThat(SurveyTexts.offerable(false, SurveyTexts.progress(edited, german))).isFalse();
        assertThat(SurveyTexts.offerable(true, SurveyTexts.progress(edited, german))).isTrue();
    }

    @Test
    void languages_are_iso_codes_named_in_the_viewers_language_and_a_respondent_starts_in_the_ui_or_browser_language() {
        assertThat(SurveyLanguages.normalise(" DE ")).isEqualTo("de");
        assertThat(SurveyLanguages.normalise("uk")).isEqualTo("uk");
        assertThat(SurveyLanguages.normalise("xx")).isNull();
        assertThat(SurveyLanguages.normalise("deu")).isNull();
        assertThat(SurveyLanguages.normalise(null)).isNull();
        assertThat(SurveyLanguages.name("de", Locale.ENGLISH)).isEqualTo("German");
        assertThat(SurveyLanguages.name("de", Locale.GERMAN)).isEqualTo("Deutsch");
        assertThat(SurveyLanguages.name("uk", Locale.of("ru"))).isEqualTo("Украинский");

        List<String> offered = List.of("en", "de", "uk");
        assertThat(SurveyLanguages.preset(offered, Locale.GERMAN, List.of())).isEqualTo("de");
        assertThat(SurveyLanguages.preset(offered, Locale.of("ru"), List.of(Locale.of("uk", "UA")))).isEqualTo("uk");
        assertThat(SurveyLanguages.preset(offered, Locale.of("ru"), List.of(Locale.FRENCH))).isEqualTo("en");
    }
}
