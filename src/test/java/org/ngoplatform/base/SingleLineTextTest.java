package org.ngoplatform.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SingleLineTextTest {

    @Test
    void control_and_text_direction_characters_are_refused() {
        for (String bad : new String[]{"Mallory \u202Egnp.exe", "Anna\u0000Novak", "Anna\u0007", "Anna\r\nNovak", "Anna\tNovak",
                "a\u0085b", "a\u009bb", "a\u202Ab", "a\u2066b", "a\u2069b", "a\u200Fb"}) {
            assertThat(SingleLineText.hasForbiddenCharacters(bad)).as(bad).isTrue();
        }
    }

    @Test
    void names_in_any_script_pass() {
        for (String good : new String[]{"Maria Kovač", "آنا نوفاك", "אנה", "Анна Новак", "👩🏽‍⚖️ Anna", "O'Brien-Smith"}) {
            assertThat(SingleLineText.hasForbiddenCharacters(good)).as(good).isFalse();
        }
        assertThat(SingleLineText.hasForbiddenCharacters(null)).isFalse();
    }

    @Test
    void user_text_in_a_sentence_is_isolated() {
        assertThat(SingleLineText.isolate("Mallory \u202Egnp.exe")).isEqualTo("\u2068Mallory \u202Egnp.exe\u2069");
        assertThat(SingleLineText.isolate(null)).isNull();
    }
}
