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

/**
 * Every key exists in every language, with the same placeholders, and nothing is left empty; every key the code names
 * as a literal in a {@code getTranslation} or {@code translator.translate} call is in a bundle.
 */
class TranslationCompletenessTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** A string literal that looks like a key: dotted lower-case words. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9_-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");

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

    /**
     * The keys written as literals in the first argument of {@code getTranslation(...)} and {@code translator.translate(...)}
     * (both sides of a {@code ?:} included) in the app's sources; a key only in {@code ValidationMessages} (Bean Validation's bundle) is not one
     * {@code getTranslation} finds: the page would show "!key".
     */
    @Test
    void every_key_the_code_names_as_a_literal_is_in_a_bundle() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String base : MessagesI18NProvider.discoverBaseNames()) {
            known.addAll(load(base + ".properties").stringPropertyNames());
        }
        Set<String> named = new TreeSet<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "java"))) {
            for (var file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = java.nio.file.Files.readString(file);
                for (String call : List.of("getTranslation(", "translator.translate(")) {
                    for (int at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + 1)) {
                        Matcher key = KEY_LITERAL.matcher(firstArgument(code, at + call.length()));
                        while (key.find()) named.add(key.group(1) + "  (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(named).as("keys found in the sources").hasSizeGreaterThan(500);
        assertThat(named).filteredOn(k -> !known.contains(k.substring(0, k.indexOf("  (")))).isEmpty();
    }

    /** The text of the first argument of a call whose argument list starts at {@code from}: up to its top-level comma or closing parenthesis. */
    private static String firstArgument(String code, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' || c == ',') {
                if (depth == 0) return code.substring(from, i);
                if (c == ')') depth--;
            }
        }
        return code.substring(from);
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
