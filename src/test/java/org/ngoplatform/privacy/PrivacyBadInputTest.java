package org.ngoplatform.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.HostileInput;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in the privacy forms (notice label and its texts per language) and hostile numbers in the
 * retention form: each is refused with {@link PrivacyRejectedException} and nothing written, or stored exactly as
 * typed (the notice view shows it as text, never as markup).
 */
@IntegrationTest
class PrivacyBadInputTest {

    static Stream<String> hostile() {
        return HostileInput.texts();
    }

    private static final String[] NOTICE_TABLES = {"privacy_notice", "privacy_notice_translation", "audit_event"};

    @Autowired PrivacyNoticeService notices;
    @Autowired RetentionService retention;
    @Autowired EditionFixtures editions;
    @Autowired AccountFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private HostileInput input() {
        return new HostileInput(jdbc).alsoClear(PrivacyRejectedException.class);
    }

    private static String label() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PrivacyNoticeForm form(String label, String body) {
        var form = new PrivacyNoticeForm();
        form.setVersionLabel(label);
        form.setBody(body);
        return form;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void notice_version_label(String text) {
        fixtures.signIn(Role.ORGANISER);
        assertThat(input().acceptedOrClearlyRefused(() -> notices.publish(form(text, "A notice.")), NOTICE_TABLES))
                .as("only letters, digits, dot, hyphen and underscore make a label").isFalse();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void notice_english_text(String text) {
        fixtures.signIn(Role.ORGANISER);
        String label = label();
        if (input().acceptedOrClearlyRefused(() -> notices.publish(form(label, text)), NOTICE_TABLES)) {
            assertThat(notices.version(label).orElseThrow().body()).isEqualTo(text);
        } else {
            assertThat(notices.version(label)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void notice_german_and_russian_texts(String text) {
        fixtures.signIn(Role.ORGANISER);
        for (String language : new String[] {"de", "ru"}) {
            String label = label();
            PrivacyNoticeForm form = form(label, "English text.");
            if (language.equals("de")) {
                form.setBodyDe(text);
            } else {
                form.setBodyRu(text);
            }
            if (input().acceptedOrClearlyRefused(() -> notices.publish(form), NOTICE_TABLES)) {
                PrivacyNotice stored = notices.version(label).orElseThrow();
                assertThat(stored.text(Locale.forLanguageTag(language))).isEqualTo(text.isBlank() ? "English text." : text);
                assertThat(stored.hasText(Locale.forLanguageTag(language))).isEqualTo(!text.isBlank());
            } else {
                assertThat(notices.version(label)).isEmpty();
            }
        }
    }

    @Test
    void texts_that_fit_the_form_fit_the_columns() {
        fixtures.signIn(Role.ORGANISER);
        String label = label();
        String longest = "ж👋".repeat(PrivacyNoticeForm.BODY_MAX / 3) + "ж";
        assertThat(longest.length()).isEqualTo(PrivacyNoticeForm.BODY_MAX);
        PrivacyNoticeForm form = form(label, longest);
        form.setBodyDe(longest);
        form.setBodyRu(longest);
        assertThat(input().acceptedOrClearlyRefused(() -> notices.publish(form), NOTICE_TABLES)).isTrue();
        PrivacyNotice stored = notices.version(label).orElseThrow();
        assertThat(stored.body()).isEqualTo(longest);
        assertThat(stored.text(Locale.GERMAN)).isEqualTo(longest);
        assertThat(stored.text(Locale.forLanguageTag("ru"))).isEqualTo(longest);

        PrivacyNoticeForm tooLong = form(label(), "English text.");
        tooLong.setBodyDe(longest + "x");
        assertThat(input().acceptedOrClearlyRefused(() -> notices.publish(tooLong), NOTICE_TABLES)).isFalse();
    }

    @Test
    void retention_days_out_of_range_or_missing() {
        EditionSummary edition = editions.open(5);
        fixtures.signIn(Role.ORGANISER);
        Integer[] hostile = {null, -1, Integer.MIN_VALUE, RetentionForm.MAX_DAYS + 1, Integer.MAX_VALUE};
        for (Integer days : hostile) {
            for (RetentionForm form : new RetentionForm[] {new RetentionForm(days, 30), new RetentionForm(10, days)}) {
                assertThat(input().acceptedOrClearlyRefused(() -> retention.set(edition.id(), form),
                        "edition_retention", "audit_event")).as("days %s", days).isFalse();
            }
        }
        assertThat(input().acceptedOrClearlyRefused(() -> retention.set(Long.MAX_VALUE, new RetentionForm(10, 30)),
                "edition_retention", "audit_event")).isFalse();
        assertThat(input().acceptedOrClearlyRefused(() -> retention.set(edition.id(),
                new RetentionForm(RetentionForm.MAX_DAYS, RetentionForm.MAX_DAYS)), "edition_retention", "audit_event")).isTrue();
        assertThat(retention.overview()).filteredOn(e -> e.editionId() == edition.id()).singleElement()
                .satisfies(e -> assertThat(Arrays.asList(e.specialDays(), e.detailsDays()))
                        .containsExactly(RetentionForm.MAX_DAYS, RetentionForm.MAX_DAYS));
    }
}
