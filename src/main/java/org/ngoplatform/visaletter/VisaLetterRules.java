package org.ngoplatform.visaletter;

import org.ngoplatform.base.SingleLineText;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of visa letters, in one place for the service and the views: the placeholders a template may use, the
 * limits of each text, which characters are refused, and how a template is filled in.
 * <p>
 * Filling in is one pass over the template: each {@code {placeholder}} is replaced by its value, and a value is never
 * read again, so a passport number of {@code {name}} or a name of {@code ${passport}} stays literal. Hand-written
 * (a dozen lines) rather than a template engine: engines such as StringTemplate or Mustache bring expression
 * syntax an organiser's text would have to escape, and we need only named holes.
 */
public final class VisaLetterRules {

    public static final int NAME_MAX = 200;
    public static final int NATIONALITY_MAX = 100;
    public static final int PASSPORT_MAX = 40;
    public static final int CITY_MAX = 100;
    /** The template as the organiser writes it. */
    public static final int TEMPLATE_MAX = 8_000;
    /** The letter as issued (the column is TEXT: 16,383 characters of utf8mb4). */
    public static final int LETTER_MAX = 16_000;
    /** Languages a letter's dates can be written in. */
    public static final List<String> LANGUAGES = List.of("en", "de", "ru");

    /** The placeholders a template may use, in the order the editor lists them. */
    public static final List<String> PLACEHOLDERS = List.of("name", "nationality", "passport", "birthDate",
            "consulateCity", "edition", "city", "venue", "startDate", "endDate", "today");
    private static final Set<String> KNOWN = Set.copyOf(PLACEHOLDERS);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private VisaLetterRules() {
    }

    /** The first placeholder of {@code template} that does not exist, or null when all do. */
    public static String unknownPlaceholder(String template) {
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    /** A template's text may hold line breaks; any other control character (C0, C1) is refused. */
    public static boolean templateHasForbiddenCharacters(String template) {
        return template != null && template.chars()
                .anyMatch(c -> c != '\n' && c != '\r' && Character.getType(c) == Character.CONTROL);
    }

    /** The template with each placeholder replaced by its value, in one pass (values are never read again). */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The refusals of a participant's details, field by field ({@code fullName}, {@code nationality},
     * {@code passportNumber}, {@code dateOfBirth}, {@code consulateCity}) as message keys; empty when they are fine.
     */
    public static Map<String, String> detailProblems(VisaDetailsForm form, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        text(problems, "fullName", form.getFullName(), NAME_MAX);
        text(problems, "nationality", form.getNationality(), NATIONALITY_MAX);
        text(problems, "passportNumber", form.getPassportNumber(), PASSPORT_MAX);
        if (form.getDateOfBirth() == null) {
            problems.put("dateOfBirth", "validation.required");
        } else if (!form.getDateOfBirth().isBefore(today)) {
            problems.put("dateOfBirth", "visaletter.birth-date.future");
        } else if (form.getDateOfBirth().isBefore(today.minusYears(130))) {
            problems.put("dateOfBirth", "visaletter.birth-date.too-early");
        }
        text(problems, "consulateCity", form.getConsulateCity(), CITY_MAX);
        return problems;
    }

    private static void text(Map<String, String> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.put(field, "validation.required");
        } else if (value.strip().length() > max) {
            problems.put(field, "validation.too-long");
        } else if (SingleLineText.hasForbiddenCharacters(value)) {
            problems.put(field, SingleLineText.MESSAGE_KEY);
        }
    }

    /** The refusal of a template ({@code field} "body"), or null when it is fine. */
    public static VisaLetterRejectedException templateProblem(String body, String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            return new VisaLetterRejectedException("language", "validation.required");
        }
        if (body == null || body.isBlank()) {
            return new VisaLetterRejectedException("body", "validation.required");
        }
        if (body.length() > TEMPLATE_MAX) {
            return new VisaLetterRejectedException("body", "visaletter.template.too-long", String.valueOf(TEMPLATE_MAX));
        }
        if (templateHasForbiddenCharacters(body)) {
            return new VisaLetterRejectedException("body", SingleLineText.MESSAGE_KEY);
        }
        String unknown = unknownPlaceholder(body);
        if (unknown != null) {
            return new VisaLetterRejectedException("body", "visaletter.template.unknown-placeholder", "{" + unknown + "}");
        }
        return null;
    }
}
