package org.ngoplatform.visaletter;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VisaLetterRulesTest {

    @Test
    void filling_in_is_one_pass_so_a_value_holding_a_placeholder_stays_literal() {
        String letter = VisaLetterRules.fill("{name} / {passport} / {unknownStays} / $1 \\ {name}",
                Map.of("name", "${passport} $1 \\", "passport", "{name}"));
        assertThat(letter).isEqualTo("${passport} $1 \\ / {name} / {unknownStays} / $1 \\ ${passport} $1 \\");
    }

    @Test
    void only_the_listed_placeholders_exist_and_braces_around_other_text_are_plain_text() {
        assertThat(VisaLetterRules.unknownPlaceholder("{name} {passport} {birthDate} {today}")).isNull();
        assertThat(VisaLetterRules.unknownPlaceholder("Dear {Name}")).isEqualTo("Name");
        assertThat(VisaLetterRules.unknownPlaceholder("{ name } {} {1} {first-name}")).as("not placeholders").isNull();
    }

    @Test
    void a_template_keeps_its_line_breaks_and_text_direction_marks_but_no_other_control_characters() {
        assertThat(VisaLetterRules.templateHasForbiddenCharacters("Line\r\nLine\n\u202Eright-to-left\u202C")).isFalse();
        assertThat(VisaLetterRules.templateHasForbiddenCharacters("tab\there")).isTrue();
        assertThat(VisaLetterRules.templateHasForbiddenCharacters("nul\u0000")).isTrue();
        assertThat(VisaLetterRules.templateHasForbiddenCharacters("c1\u0085")).isTrue();
    }

    @Test
    void a_date_of_birth_today_or_later_or_more_than_130_years_ago_is_refused() {
        LocalDate today = LocalDate.of(2027, 3, 1);
        assertThat(VisaLetterRules.detailProblems(form(today), today)).containsEntry("dateOfBirth", "visaletter.birth-date.future");
        assertThat(VisaLetterRules.detailProblems(form(today.minusYears(131)), today)).containsEntry("dateOfBirth", "visaletter.birth-date.too-early");
        assertThat(VisaLetterRules.detailProblems(form(today.minusDays(1)), today)).isEmpty();
    }

    @Test
    void names_with_a_text_direction_override_are_refused_like_every_other_name() {
        var f = form(LocalDate.of(1990, 1, 1));
        f.setFullName("Mallory \u202Egnp.exe");
        assertThat(VisaLetterRules.detailProblems(f, LocalDate.of(2027, 1, 1))).containsEntry("fullName", "validation.control-characters");
        f.setFullName("\u0622\u0646\u0627 \u0646\u0648\u0641\u0627\u0643");
        assertThat(VisaLetterRules.detailProblems(f, LocalDate.of(2027, 1, 1))).as("right-to-left script is fine").isEmpty();
    }

    private static VisaDetailsForm form(LocalDate born) {
        return VisaDetailsForm.of("Anna Novak", "Ukrainian", "AB1234567", born, "Kyiv");
    }
}
