package org.ngoplatform.messaging;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
 * The one rule for reading an organiser's invitation list, pasted or uploaded as CSV (commons-csv reads quoting and
 * separators): every cell holding an {@code @} is an address, other cells (names, a header row) are ignored; a
 * line with text but no address is a mistake. Limits, so a wrong file is refused with a clear message before anything
 * is written: at most {@link #MAX_ADDRESSES} addresses and {@link #MAX_LINES} lines, {@link #MAX_CHARS} characters
 * ({@link #MAX_BYTES} bytes uploaded), UTF-8 only (a broken encoding is refused, not guessed), each address at most
 * {@link #ADDRESS_MAX} characters and of the usual form. The same address twice is one invitation (counted as a
 * duplicate); addresses are kept in lower case.
 */
public final class InvitationList {

    public static final int MAX_ADDRESSES = 1000;
    public static final int MAX_LINES = 2000;
    public static final int MAX_CHARS = 100_000;
    public static final int MAX_BYTES = 200_000;
    public static final int ADDRESS_MAX = 254;
    /** How many wrong entries a refusal names. */
    static final int SHOWN_MISTAKES = 5;

    /** Local part, an {@code @}, a domain with at least one dot; no spaces, no angle brackets or quotes. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    /** What a list holds: distinct addresses in their order, how many repeated ones were merged, the wrong entries. */
    public record Parsed(List<String> addresses, int duplicates, List<String> mistakes) {
    }

    private InvitationList() {
    }

    /** An uploaded file as text; refused when it is larger than {@link #MAX_BYTES} or not UTF-8. */
    public static String decode(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.too-long");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.encoding");
        }
    }

    /** Reads a list; refused (by a {@link MessagingRejectedException}) when it breaks a limit or holds no address. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.empty");
        }
        if (text.length() > MAX_CHARS || text.lines().count() > MAX_LINES) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.too-long");
        }
        if (text.indexOf('\uFFFD') >= 0 || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.encoding");
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = firstLine.contains(";") && !firstLine.contains(",") ? ';' : firstLine.contains("\t") && !firstLine.contains(",") ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        Set<String> addresses = new LinkedHashSet<>();
        int duplicates = 0;
        List<String> mistakes = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            boolean first = true;
            for (CSVRecord row : csv) {
                boolean any = false;
                boolean text_ = false;
                for (String cell : row) {
                    String c = cell.strip();
                    if (c.isEmpty()) continue;
                    text_ = true;
                    if (c.indexOf('@') < 0) continue;
                    any = true;
                    String address = c.toLowerCase(Locale.ROOT);
                    if (address.length() > ADDRESS_MAX || !ADDRESS.matcher(address).matches()) {
                        mistakes.add(cut(c));
                    } else if (!addresses.add(address)) {
                        duplicates++;
                    }
                }
                if (!any && text_ && !first) {
                    mistakes.add(cut(String.join(String.valueOf(separator), row.toList())));
                }
                first = false;
                if (addresses.size() > MAX_ADDRESSES) {
                    throw new MessagingRejectedException("invitations", "messaging.invitations.too-many");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.io.UncheckedIOException | IllegalStateException broken) {
            // commons-csv: an unclosed quote or a broken line
            throw new MessagingRejectedException("invitations", "messaging.invitations.broken");
        }
        if (mistakes.isEmpty() && addresses.isEmpty()) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.empty");
        }
        return new Parsed(List.copyOf(addresses), duplicates, List.copyOf(mistakes));
    }

    private static String cut(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }
}
