package org.ngoplatform.audit;

import org.ngoplatform.base.i18n.Translator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The action codes the audit log knows a name for ({@code audit.action.CODE} in messages-audit*, which
 * {@code AuditActionNamesTest} keeps complete) and their names in a language: the one place a code becomes a name,
 * for the view, its action picker and the workbook.
 */
@Component
public class AuditActions {

    private static final String PREFIX = "audit.action.";
    private static final List<String> CODES = bundleKeys(PREFIX);

    private final Translator translator;

    AuditActions(Translator translator) {
        this.translator = translator;
    }

    /** Every code with a name (unsorted). */
    public List<String> codes() {
        return CODES;
    }

    /** The codes sorted by their name in {@code locale}. */
    public List<String> codesByName(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return CODES.stream().sorted(Comparator.comparing((String c) -> name(c, locale), collator)).toList();
    }

    /** The code's name in {@code locale}; a code without one is shown as it is. */
    public String name(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String key = PREFIX + code;
        String name = translator.translate(key, locale);
        return name == null || name.equals("!" + key) ? code : name;
    }

    /** The keys of messages-audit.properties that start with {@code prefix}, without it, sorted. */
    static List<String> bundleKeys(String prefix) {
        Properties names = new Properties();
        try (InputStream in = AuditActions.class.getResourceAsStream("/messages-audit.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages-audit.properties is missing");
            }
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length())).sorted().toList();
    }
}
