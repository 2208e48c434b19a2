package org.ngoplatform.base.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key exists in every language, with the same placeholders, and nothing is left empty. */
class TranslationCompletenessTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void every_bundle_has_every_key_in_every_language() throws IOException {
        List<String> bases = new ArrayList<>(MessagesI18NProvider.discoverBaseNames());
        bases.add("ValidationMessages");
        assertThat(bases).contains("messages");
        List<String> problems = new ArrayList<>();
        for (String base : bases) {
            Properties english = load(base + ".properties");
            for (Locale locale : MessagesI18NProvider.LOCALES) {
                if (locale.getLanguage().equals("en")) {
                    continue;
                }
                String file = base + "_" + locale.getLanguage() + ".properties";
                Properties translated = load(file);
                if (translated == null) {
                    problems.add(file + " is missing");
                    continue;
                }
                Set<String> missing = new TreeSet<>(english.stringPropertyNames());
                missing.removeAll(translated.stringPropertyNames());
                Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
                extra.removeAll(english.stringPropertyNames());
                missing.forEach(k -> problems.add(file + ": missing " + k));
                extra.forEach(k -> problems.add(file + ": not in English " + k));
                for (String key : english.stringPropertyNames()) {
                    String value = translated.getProperty(key);
                    if (value == null) continue;
                    if (value.isBlank()) problems.add(file + ": empty " + key);
                    if (!placeholders(value).equals(placeholders(english.getProperty(key)))) {
                        problems.add(file + ": placeholders differ for " + key);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static Properties load(String file) throws IOException {
        try (InputStream in = TranslationCompletenessTest.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
