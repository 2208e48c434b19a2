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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A code in a status or role change's details: DRAFT, OPEN, ORGANISER. */
    private static final Pattern DETAIL_CODE = Pattern.compile("\\b[A-Z][A-Z_]+\\b");

    /**
     * An event's details as a reader reads them: the codes of status and role changes by their names in {@code locale}
     * ("DRAFT -> OPEN" reads "Draft → Registration open", "[ANALYST,ORGANISER] -> [ORGANISER]" reads "Analyst,
     * Organiser → Organiser"); other details, and a code without a name, as recorded.
     */
    public String details(String code, String details, Locale locale) {
        if (details == null) {
            return "";
        }
        if (code == null) {
            return details;
        }
        return switch (code) {
            case "EDITION_STATUS" -> named(details, "edition.status.", locale);
            case "SURVEY_STATUS" -> named(details, "survey.status.", locale);
            case "ROLES_CHANGED" -> named(details, "role.", locale);
            case "ACCOUNT_CREATED" -> details.startsWith("roles=")
                    ? translator.translate("audit.details.roles", locale, named(details.substring("roles=".length()), "role.", locale))
                    : details;
            default -> details;
        };
    }

    /** {@code text} with each code replaced by its name ({@code prefix + code}), lists unbracketed, arrows as arrows. */
    private String named(String text, String prefix, Locale locale) {
        Matcher codes = DETAIL_CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (codes.find()) {
            String key = prefix + codes.group();
            String name = translator.translate(key, locale);
            codes.appendReplacement(out, Matcher.quoteReplacement(name == null || name.equals("!" + key) ? codes.group() : name));
        }
        codes.appendTail(out);
        return out.toString().replace("[", "").replace("]", "").replaceAll(",\\s*", ", ").replace(" -> ", " → ");
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
