package org.ngoplatform.survey.results;

import org.ngoplatform.survey.results.StatisticsVariables.Variable;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SPSS syntax ({@code survey.sps}) that reads {@code data.csv} and gives every variable its label, value labels and
 * missing values, from the same {@link StatisticsVariables} as the other downloads. Runs in SPSS and in GNU PSPP
 * (checked with PSPP in SurveyStatisticsExportTest). No library writes {@code .sav} from Java that is kept up
 * (2026-12: only readers, the newest from 2020), so the download is syntax plus data, as LimeSurvey's is.
 *
 * <p>Numbers: SPSS cannot hold a code like {@code .s} in a number variable, so there the codes are numbers below any
 * answer ({@link Variable#numericMissing()}), declared missing and labelled with the Codebook's meaning. Dates are
 * read as ISO text ({@code yyyy-mm-dd}) so they keep their codes too.
 */
final class SpssSyntax {

    /** SPSS's limits, in bytes of UTF-8: longer labels are cut (at a character boundary). */
    static final int VARIABLE_LABEL_MAX = 255;
    static final int VALUE_LABEL_MAX = 120;
    static final int NAME_MAX = 64;
    private static final int CHUNK = 60;
    private static final Set<String> RESERVED = Set.of("all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not",
            "or", "to", "with");

    private final SurveyWorkbook.Text text;

    SpssSyntax(SurveyWorkbook.Text text) {
        this.text = text;
    }

    String write(StatisticsDownload.Input in) {
        List<Variable> variables = in.variables().variables();
        Map<String, String> names = names(variables);
        StringBuilder s = new StringBuilder();
        comment(s, text.t("surveyexport.spss.intro", oneLine(in.title()),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(in.exportedAt().atOffset(ZoneOffset.UTC).withNano(0))));
        comment(s, text.t("surveyexport.spss.run"));
        comment(s, text.t("surveyexport.spss.codes"));
        comment(s, text.t("surveyexport.scripts.apostrophe"));
        names.forEach((from, to) -> {
            if (!from.equals(to)) comment(s, text.t("surveyexport.spss.renamed", from, to));
        });
        s.append("\nGET DATA\n  /TYPE=TXT\n  /FILE='").append(StatisticsDownload.DATA).append("'\n")
                .append("  /ENCODING='UTF-8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n")
                .append("  /DELIMITERS=','\n  /QUALIFIER='\"'\n  /VARIABLES=\n");
        for (Variable v : variables) {
            s.append("    ").append(names.get(v.name())).append(' ').append(format(v)).append('\n');
        }
        s.append(".\n\nVARIABLE LABELS\n");
        List<String> labels = new ArrayList<>();
        for (Variable v : variables) {
            labels.add(names.get(v.name()) + " " + quote(cut(v.label(), VARIABLE_LABEL_MAX)));
        }
        s.append("  ").append(String.join("\n  /", labels)).append(".\n");

        List<String> valueLabels = new ArrayList<>();
        for (Variable v : variables) {
            Map<String, String> all = new LinkedHashMap<>();
            v.valueLabels().forEach((code, label) -> all.put(value(v, code), label));
            if (v.question()) {
                for (int i = 0; i < StatisticsVariables.MISSING_CODES.size(); i++) {
                    all.put(missing(v, i), missingLabel(i));
                }
            }
            if (all.isEmpty()) continue;
            StringBuilder spec = new StringBuilder(names.get(v.name()));
            all.forEach((value, label) -> spec.append("\n    ").append(value).append(' ')
                    .append(quote(cut(label, VALUE_LABEL_MAX))));
            valueLabels.add(spec.toString());
        }
        if (!valueLabels.isEmpty()) {
            s.append("\nVALUE LABELS\n  ").append(String.join("\n  /", valueLabels)).append(".\n");
        }

        List<String> missing = new ArrayList<>();
        for (Variable v : variables) {
            if (!v.question()) continue;
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < StatisticsVariables.MISSING_CODES.size(); i++) codes.add(missing(v, i));
            missing.add(names.get(v.name()) + " (" + String.join(", ", codes) + ")");
        }
        if (!missing.isEmpty()) {
            s.append("\nMISSING VALUES\n  ").append(String.join("\n  /", missing)).append(".\n");
        }

        for (Variable v : variables) {
            if (v.numeric()) continue;
            String n = names.get(v.name());
            s.append("\nIF (SUBSTR(").append(n).append(", 1, 1) = \"'\") ").append(n).append(" = SUBSTR(")
                    .append(n).append(", 2).");
        }
        s.append("\nEXECUTE.\n");
        return s.toString();
    }

    /** Input format: numbers as F (whole or with 4 decimals, as stored), everything else as text of its width. */
    static String format(Variable v) {
        return switch (v.kind()) {
            case INTEGER -> "F18.0";
            case BOOLEAN -> "F3.0";
            case DECIMAL, PERCENT -> "F22.4";
            default -> "A" + Math.max(1, v.maxBytes() + 1);      // + the apostrophe before formula-like text
        };
    }

    private static String value(Variable v, String code) {
        return v.numeric() ? code : quote(code);
    }

    private static String missing(Variable v, int i) {
        if (v.numeric()) return v.numericMissing().get(i).toPlainString();
        return quote(StatisticsVariables.MISSING_CODES.get(i));
    }

    private String missingLabel(int i) {
        return text.t("surveyexport.missing." + StatisticsVariables.MISSING_CODES.get(i).substring(1));
    }

    /**
     * Column name to SPSS variable name: letters, digits and {@code . _} (question codes are lower-case
     * {@code [a-z][a-z0-9_]}, so they mostly stay as they are), at most 64 bytes, not a reserved word, unique.
     */
    static Map<String, String> names(List<Variable> variables) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Variable v : variables) {
            String n = v.name().replaceAll("[^A-Za-z0-9._]", "_");
            if (n.isEmpty() || !Character.isLetter(n.charAt(0))) n = "v" + n;
            while (n.endsWith(".")) n = n.substring(0, n.length() - 1);
            if (RESERVED.contains(n.toLowerCase(Locale.ROOT))) n = n + "_q";
            if (n.length() > NAME_MAX) n = n.substring(0, NAME_MAX);
            String unique = n;
            for (int i = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); i++) {
                String suffix = "_" + i;
                unique = n.substring(0, Math.min(n.length(), NAME_MAX - suffix.length())) + suffix;
            }
            names.put(v.name(), unique);
        }
        return names;
    }

    /** A quoted string, split into pieces joined with + so that no line of the syntax gets long. */
    static String quote(String value) {
        String flat = oneLine(value);
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < flat.length(); ) {
            int cp = flat.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > CHUNK && !piece.isEmpty()) {
                pieces.add(piece.toString());
                piece.setLength(0);
                bytes = 0;
            }
            piece.append(ch);
            bytes += size;
            i += Character.charCount(cp);
        }
        pieces.add(piece.toString());
        return String.join(" +\n      ", pieces.stream().map(p -> "\"" + p.replace("\"", "\"\"") + "\"").toList());
    }

    /** Cut to at most {@code max} bytes of UTF-8, at a character boundary. */
    static String cut(String value, int max) {
        if (value == null) return "";
        String flat = oneLine(value);
        if (flat.getBytes(StandardCharsets.UTF_8).length <= max) return flat;
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < flat.length(); ) {
            int cp = flat.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > max) break;
            out.append(ch);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}\u2028\u2029\u0085]+", " ").strip();
    }

    private static void comment(StringBuilder s, String line) {
        // a comment ends at a line that ends with a full stop
        s.append("* ").append(oneLine(line).replaceAll("\\.*$", "")).append(".\n");
    }
}
