package org.ngoplatform.survey;

import org.ngoplatform.survey.SurveyStructure.OptionDef;
import org.ngoplatform.survey.SurveyStructure.QuestionDef;
import org.ngoplatform.survey.SurveyStructure.SectionDef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The translatable texts of a survey structure and how a translation applies to them: the one place of these rules
 * (the translation service, the respondent's page, results and the workbook all use it).
 * <p>
 * A text is named by a key built from the structure's stable codes ({@code q.<code>.text},
 * {@code q.<code>.option.<option code>}, {@code q.<code>.row.<row code>}, {@code section.<n>.title}, {@code title}, ...), so translations live beside
 * the versioned structure and a translation fix never makes a new version. A stored translation remembers the hash of
 * the base text it was made from; it is <em>current</em> while that base text is unchanged. Only current translations
 * are shown; any other text falls back to the base language (and the page says so).
 */
public final class SurveyTexts {

    /** A translatable text of the structure: its key, the base text, and the longest text allowed for it. */
    public record Text(String key, String base, int max) {
    }

    /** A stored translation and the hash of the base text it translates. */
    public record Stored(String text, String sourceHash) {
    }

    /** A structure with every current translation applied, and the keys whose base text is shown instead. */
    public record Translated(SurveyStructure structure, Set<String> fallbacks) {
    }

    /** How far a language is: current translations of the structure's texts, outdated ones, and all texts. */
    public record Progress(int translated, int outdated, int total) {
        public boolean complete() {
            return translated == total;
        }

        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * translated / total);
        }
    }

    /** The longest translation stored (the column); each text also keeps its base field's limit ({@link Text#max}). */
    public static final int TEXT_MAX = 4000;

    private SurveyTexts() {
    }

    /** Every non-blank text of the structure in respondent order. */
    public static List<Text> of(SurveyStructure s) {
        List<Text> texts = new ArrayList<>();
        add(texts, "title", s.title(), 200);
        add(texts, "intro", s.intro(), 4000);
        add(texts, "thank_you", s.thankYou(), 2000);
        for (SectionDef section : s.sections()) {
            add(texts, "section." + section.index() + ".title", section.title(), 200);
            add(texts, "section." + section.index() + ".intro", section.intro(), 2000);
            for (QuestionDef q : section.questions()) {
                add(texts, "q." + q.code() + ".text", q.text(), 1000);
                add(texts, "q." + q.code() + ".help", q.help(), 1000);
                add(texts, "q." + q.code() + ".min_label", q.scaleMinLabel(), 100);
                add(texts, "q." + q.code() + ".max_label", q.scaleMaxLabel(), 100);
                for (OptionDef o : q.options()) {
                    add(texts, optionKey(q.code(), o.code()), o.label(), 300);
                }
                for (OptionDef r : q.rows()) {
                    add(texts, rowKey(q.code(), r.code()), r.label(), 300);
                }
            }
        }
        return texts;
    }

    public static String questionKey(String code) {
        return "q." + code + ".text";
    }

    public static String optionKey(String questionCode, String optionCode) {
        return "q." + questionCode + ".option." + optionCode;
    }

    /** A matrix row's label ({@code q.<code>.row.<row code>}). */
    public static String rowKey(String questionCode, String rowCode) {
        return "q." + questionCode + ".row." + rowCode;
    }

    public static Progress progress(SurveyStructure s, Map<String, Stored> stored) {
        int translated = 0;
        int outdated = 0;
        List<Text> texts = of(s);
        for (Text t : texts) {
            Stored found = stored.get(t.key());
            if (found != null && isCurrent(t.base(), found)) translated++;
            else if (found != null) outdated++;
        }
        return new Progress(translated, outdated, texts.size());
    }

    /**
     * Whether respondents may choose a further language (and the survey may open with it): every text translated,
     * or the analyst marked it to fall back visibly to the base language where texts are missing.
     */
    public static boolean offerable(boolean fallback, Progress progress) {
        return fallback || progress.complete();
    }

    /** The translation of a base text when it is current, else {@code null}. */
    public static String current(String base, Stored stored) {
        return stored != null && isCurrent(base, stored) ? stored.text() : null;
    }

    public static boolean isCurrent(String base, Stored stored) {
        return base != null && hash(base).equals(stored.sourceHash());
    }

    /** The structure in a further language: current translations applied, every other text left in the base language. */
    public static Translated translate(SurveyStructure s, Map<String, Stored> stored) {
        Set<String> fallbacks = new LinkedHashSet<>();
        var t = new Object() {
            String text(String key, String base) {
                if (base == null || base.isBlank()) return base;
                String found = current(base, stored.get(key));
                if (found == null) fallbacks.add(key);
                return found == null ? base : found;
            }
        };
        List<SectionDef> sections = new ArrayList<>();
        for (SectionDef section : s.sections()) {
            List<QuestionDef> questions = new ArrayList<>();
            for (QuestionDef q : section.questions()) {
                String p = "q." + q.code() + ".";
                List<OptionDef> options = q.options().stream()
                        .map(o -> new OptionDef(o.code(), t.text(optionKey(q.code(), o.code()), o.label()))).toList();
                List<OptionDef> rows = q.rows().stream()
                        .map(r -> new OptionDef(r.code(), t.text(rowKey(q.code(), r.code()), r.label()))).toList();
                questions.add(new QuestionDef(q.id(), q.code(), q.type(), t.text(p + "text", q.text()),
                        t.text(p + "help", q.help()), q.required(), q.min(), q.max(), q.integerOnly(), q.scaleMin(),
                        q.scaleMax(), t.text(p + "min_label", q.scaleMinLabel()), t.text(p + "max_label", q.scaleMaxLabel()),
                        q.allowOther(), q.condition(), options, rows, q.multiplePerRow()));
            }
            String sp = "section." + section.index() + ".";
            sections.add(new SectionDef(section.id(), section.index(), t.text(sp + "title", section.title()),
                    t.text(sp + "intro", section.intro()), questions));
        }
        SurveyStructure translated = new SurveyStructure(s.surveyId(), s.versionId(), s.versionNumber(),
                t.text("title", s.title()), t.text("intro", s.intro()), t.text("thank_you", s.thankYou()), s.audience(),
                s.anonymity(), s.suppressionK(), sections);
        return new Translated(translated, fallbacks);
    }

    /** SHA-256 of a base text, as stored beside its translation. */
    public static String hash(String base) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(base.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(List<Text> texts, String key, String base, int max) {
        if (base != null && !base.isBlank()) {
            texts.add(new Text(key, base, max));
        }
    }
}
