package org.ngoplatform.survey.invite;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for reading a pasted or uploaded list of addresses to invite to a survey: one line per person, the
 * address is the cell holding an {@code @} (separated by commas, semicolons, tabs or spaces, so a CSV export's other
 * columns such as names are ignored; a first line without an address is taken as a header). Every wrong line is
 * named with its line number, so the analyst can correct the field; the same address twice is one invitation
 * (counted as a duplicate), addresses are compared in lower case. Limits, so a wrong file or an attempt to mail half
 * the internet is refused before anything is written: {@link #MAX_ADDRESSES} addresses, {@link #MAX_LINES} lines,
 * {@link #MAX_CHARS} characters ({@link #MAX_BYTES} bytes uploaded, UTF-8 only).
 * <p>
 * Not commons-csv as messaging's list does: a pasted list is one address per line, and the line number of each
 * mistake is what the analyst needs; splitting a line on separators gives that directly (quoted commas only occur in
 * name cells, which are ignored).
 */
public final class AddressList {

    public static final int MAX_ADDRESSES = 500;
    public static final int MAX_LINES = 1000;
    public static final int MAX_CHARS = 60_000;
    public static final int MAX_BYTES = 120_000;
    public static final int ADDRESS_MAX = 254;
    /** How many wrong lines a refusal names. */
    public static final int SHOWN_MISTAKES = 10;

    /** Local part, an {@code @}, a domain with at least one dot; no spaces, angle brackets or quotes. */
    private static final Pattern ADDRESS = Pattern.compile("[a-z0-9.!#$%&*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\t ]+");

    /** A wrong line: its number (from 1) and its text as written, cut to 80 characters. */
    public record Mistake(int line, String text) {
    }

    /** Distinct addresses in their order, how many repeats were merged, and every wrong line. */
    public record Parsed(List<String> addresses, int duplicates, List<Mistake> mistakes) {
    }

    private AddressList() {
    }

    /** An uploaded file as text; refused when larger than {@link #MAX_BYTES} or not UTF-8. */
    public static String decode(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvitationRejectedException("addresses", "survey.invite.empty");
        }
        if (file.length > MAX_BYTES) {
            throw new InvitationRejectedException("addresses", "survey.invite.too-long", MAX_LINES, MAX_BYTES / 1000);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvitationRejectedException("addresses", "survey.invite.encoding");
        }
    }

    /** Reads a list; refused when it breaks a limit or holds nothing. Wrong lines are returned, not thrown. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvitationRejectedException("addresses", "survey.invite.empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new InvitationRejectedException("addresses", "survey.invite.too-long", MAX_LINES, MAX_BYTES / 1000);
        }
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_LINES) {
            throw new InvitationRejectedException("addresses", "survey.invite.too-long", MAX_LINES, MAX_BYTES / 1000);
        }
        Set<String> addresses = new LinkedHashSet<>();
        int duplicates = 0;
        List<Mistake> mistakes = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean header = first;
            first = false;
            if (line.chars().anyMatch(c -> c < 0x20 && c != '\t') || line.indexOf('\uFFFD') >= 0) {
                mistakes.add(new Mistake(i + 1, cut(line)));
                continue;
            }
            List<String> found = new ArrayList<>();
            for (String cell : SEPARATORS.split(line)) {
                String c = unquote(cell);
                if (c.indexOf('@') >= 0) {
                    found.add(c.toLowerCase(Locale.ROOT));
                }
            }
            if (found.isEmpty()) {
                if (!header) {
                    mistakes.add(new Mistake(i + 1, cut(line)));
                }
                continue;
            }
            if (found.size() > 1 || found.getFirst().length() > ADDRESS_MAX || !ADDRESS.matcher(found.getFirst()).matches()) {
                mistakes.add(new Mistake(i + 1, cut(line)));
            } else if (!addresses.add(found.getFirst())) {
                duplicates++;
            }
            if (addresses.size() > MAX_ADDRESSES) {
                throw new InvitationRejectedException("addresses", "survey.invite.too-many", MAX_ADDRESSES);
            }
        }
        if (addresses.isEmpty() && mistakes.isEmpty()) {
            throw new InvitationRejectedException("addresses", "survey.invite.empty");
        }
        return new Parsed(List.copyOf(addresses), duplicates, List.copyOf(mistakes));
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        while (c.length() >= 2 && (c.startsWith("\"") || c.startsWith("<") || c.startsWith("'"))) {
            c = c.substring(1);
        }
        while (!c.isEmpty() && (c.endsWith("\"") || c.endsWith(">") || c.endsWith("'"))) {
            c = c.substring(0, c.length() - 1);
        }
        return c.strip();
    }

    private static String cut(String s) {
        String flat = s.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
