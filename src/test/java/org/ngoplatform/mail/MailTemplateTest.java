package org.ngoplatform.mail;

import org.junit.jupiter.api.Test;
import org.ngoplatform.base.i18n.MessagesI18NProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every mail template has a subject and a body in every language, in the mail bundle a translator edits, and the
 * bundle holds no mail text that no template uses ({@code TranslationCompletenessTest} checks that the languages
 * agree key by key and placeholder by placeholder).
 */
class MailTemplateTest {

    @Test
    void every_template_has_a_subject_and_a_body_in_every_language_and_every_mail_text_belongs_to_a_template() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Locale locale : MessagesI18NProvider.LOCALES) {
            String file = locale.getLanguage().equals("en") ? "messages-mail.properties" : "messages-mail_" + locale.getLanguage() + ".properties";
            Properties bundle = load(file);
            for (MailTemplate template : MailTemplate.values()) {
                for (String key : List.of(template.subjectKey(), template.bodyKey())) {
                    String text = bundle.getProperty(key);
                    if (text == null || text.isBlank()) problems.add(file + ": no " + key);
                    else if (text.contains("'")) problems.add(file + ": " + key + " has an apostrophe, which MessageFormat swallows");
                }
            }
            Set<String> used = Arrays.stream(MailTemplate.values())
                    .flatMap(t -> java.util.stream.Stream.of(t.subjectKey(), t.bodyKey())).collect(Collectors.toSet());
            Set<String> orphans = new TreeSet<>(bundle.stringPropertyNames());
            orphans.removeIf(k -> !k.startsWith("mail.") || used.contains(k));
            orphans.forEach(k -> problems.add(file + ": " + k + " belongs to no template"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void confidential_templates_are_the_ones_that_carry_a_secret_or_tell_about_an_account() {
        assertThat(Arrays.stream(MailTemplate.values()).filter(MailTemplate::isConfidential))
                .containsExactlyInAnyOrder(MailTemplate.PASSWORD_RESET, MailTemplate.ACCOUNT_EXISTS,
                        MailTemplate.SURVEY_INVITATION, MailTemplate.SURVEY_REMINDER); // a personal survey link answers in the person's place
    }

    @Test
    void a_feature_names_its_templates_in_words() {
        assertThat(MailTemplate.of("REGISTRATION", "waitlisted")).isEqualTo(MailTemplate.REGISTRATION_WAITLISTED);
        assertThat(MailTemplate.of("RETENTION", "details")).isEqualTo(MailTemplate.RETENTION_DETAILS);
        assertThatThrownBy(() -> MailTemplate.of("REGISTRATION", "lost")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_mail_is_written_in_a_language_the_platform_speaks_else_in_english() {
        assertThat(MailLanguage.of("de")).isEqualTo(Locale.GERMAN);
        assertThat(MailLanguage.of("ru")).isEqualTo(Locale.of("ru"));
        assertThat(MailLanguage.of("de-AT")).isEqualTo(Locale.GERMAN);
        assertThat(MailLanguage.of("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(MailLanguage.of(null)).isEqualTo(Locale.ENGLISH);
        assertThat(MailLanguage.of(" ")).isEqualTo(Locale.ENGLISH);
        assertThat(new MailRequested("a@example.org", null, MailTemplate.ACCOUNT_WELCOME).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void a_requested_mail_never_shows_its_parameters_in_a_log_line() {
        var reset = new MailRequested("a@example.org", Locale.GERMAN, MailTemplate.PASSWORD_RESET, "A", "/reset-password/SECRET", 60);
        assertThat(reset.toString()).doesNotContain("SECRET").contains("PASSWORD_RESET");
        assertThat(reset.confidential()).isTrue();
    }

    private static Properties load(String file) throws IOException {
        try (InputStream in = MailTemplateTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
