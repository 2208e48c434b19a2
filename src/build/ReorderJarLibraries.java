import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Stores the libraries of a Spring Boot jar in the order of a list, most used at start-up first (issue 15 §5,
 * docs/performance.md "Start-up, eighth pass"). Run by `mvn package` right after Spring Boot's repackaging:
 * {@code java ReorderJarLibraries.java <jar> <list>}.
 *
 * <p>Why by hand: Spring Boot's launcher looks for every class in the jar's libraries one after the other, in the order
 * they are stored (each library tried costs a URL and a connection), and Maven stores them in the order of its
 * dependency walk. With that order a class loaded at start-up was found after 29 tries on average; in this order after
 * 12, which saved 1.4 s of the 22 s of CPU a start took, in every one of 4 interleaved rounds. Neither Maven nor the
 * Spring Boot plugin can order the libraries (the plugin stores them in the walk's order; declaring dependencies early
 * moves only their subtree and changes which version wins), and no library does it.
 *
 * <p>How: the zip's records are moved as they are (every byte of every entry, its compression and its Unix mode kept);
 * only the offsets in the central directory change, and {@code BOOT-INF/classpath.idx}, which lists the libraries,
 * is rewritten (stored) in the same order. Listed names are artifact ids (the file name without "-version.jar"); a
 * library not on the list keeps its place after the listed ones, in Maven's order. The result is read back and every
 * entry's checksum compared before it replaces the jar.
 */
public class ReorderJarLibraries {

    private static final String LIBS = "BOOT-INF/lib/";
    private static final String INDEX = "BOOT-INF/classpath.idx";

    /** An entry as the central directory describes it: where its central record is, where its local record starts. */
    record Entry(String name, int cenStart, int cenLength, long localOffset) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReorderJarLibraries <jar> <list of artifact ids>");
        }
        Path jar = Path.of(args[0]);
        List<String> order = Files.readAllLines(Path.of(args[1])).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        byte[] in = Files.readAllBytes(jar);
        byte[] out = reorder(in, order);
        Path temp = jar.resolveSibling(jar.getFileName() + ".reordered");
        Files.write(temp, out);
        verify(jar, temp);
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("ReorderJarLibraries: " + jar.getFileName() + " stores its libraries in the start-up order");
    }

    static byte[] reorder(byte[] zip, List<String> order) {
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEndRecord(buf);
        int count = Short.toUnsignedInt(buf.getShort(end + 10));
        long cenSize = Integer.toUnsignedLong(buf.getInt(end + 12));
        long cenOffset = Integer.toUnsignedLong(buf.getInt(end + 16));
        if (count == 0xFFFF || cenOffset == 0xFFFFFFFFL || cenSize == 0xFFFFFFFFL) {
            throw new IllegalStateException("zip64 jars are not supported");
        }
        List<Entry> entries = new ArrayList<>();
        int p = (int) cenOffset;
        for (int i = 0; i < count; i++) {
            if (buf.getInt(p) != 0x02014b50) {
                throw new IllegalStateException("broken central directory at " + p);
            }
            int nameLength = Short.toUnsignedInt(buf.getShort(p + 28));
            int length = 46 + nameLength + Short.toUnsignedInt(buf.getShort(p + 30)) + Short.toUnsignedInt(buf.getShort(p + 32));
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            entries.add(new Entry(name, p, length, Integer.toUnsignedLong(buf.getInt(p + 42))));
            p += length;
        }
        // each entry's local record runs to the next record (header, data and any data descriptor)
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::localOffset));
        Map<Entry, Long> localEnd = new HashMap<>();
        for (int i = 0; i < byOffset.size(); i++) {
            localEnd.put(byOffset.get(i), i + 1 < byOffset.size() ? byOffset.get(i + 1).localOffset() : cenOffset);
        }
        long preamble = byOffset.isEmpty() ? cenOffset : byOffset.getFirst().localOffset();

        List<Entry> libraries = entries.stream().filter(e -> isLibrary(e.name())).toList();
        List<Entry> sortedLibraries = new ArrayList<>(libraries);
        sortedLibraries.sort(Comparator.comparingInt(e -> rank(e, order))); // stable: unlisted ones keep their order
        int firstLibrary = libraries.isEmpty() ? entries.size() : entries.indexOf(libraries.getFirst());
        List<Entry> newOrder = new ArrayList<>(entries.subList(0, firstLibrary));
        newOrder.addAll(sortedLibraries);
        newOrder.addAll(entries.subList(firstLibrary, entries.size()).stream().filter(e -> !isLibrary(e.name())).toList());

        Entry indexEntry = entries.stream().filter(e -> e.name().equals(INDEX)).findFirst().orElse(null);
        byte[] index = indexEntry == null ? null : rewrittenIndex(zip, indexEntry, localEnd.get(indexEntry), sortedLibraries);
        var local = new ByteArrayOutputStream(zip.length);
        var central = new ByteArrayOutputStream((int) cenSize + 64);
        local.write(zip, 0, (int) preamble);
        for (Entry e : newOrder) {
            long offset = local.size();
            byte[] cen = Arrays.copyOfRange(zip, e.cenStart(), e.cenStart() + e.cenLength());
            ByteBuffer cenBuf = ByteBuffer.wrap(cen).order(ByteOrder.LITTLE_ENDIAN);
            if (e == indexEntry) {
                writeStored(local, cenBuf, zip, e, index);
            } else {
                local.write(zip, (int) e.localOffset(), (int) (localEnd.get(e) - e.localOffset()));
            }
            cenBuf.putInt(42, (int) offset);
            central.write(cen, 0, cen.length);
        }
        long newCenOffset = local.size();
        byte[] endRecord = Arrays.copyOfRange(zip, end, zip.length);
        ByteBuffer endBuf = ByteBuffer.wrap(endRecord).order(ByteOrder.LITTLE_ENDIAN);
        endBuf.putInt(12, central.size());
        endBuf.putInt(16, (int) newCenOffset);
        local.write(central.toByteArray(), 0, central.size());
        local.write(endRecord, 0, endRecord.length);
        return local.toByteArray();
    }

    private static boolean isLibrary(String name) {
        return name.startsWith(LIBS) && name.endsWith(".jar") && name.indexOf('/', LIBS.length()) < 0;
    }

    /** A listed artifact's place in the list; every other library after all of them. */
    private static int rank(Entry library, List<String> order) {
        int listed = order.indexOf(artifactId(library.name().substring(LIBS.length())));
        return listed >= 0 ? listed : order.size();
    }

    static String artifactId(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".jar".length());
        for (int i = 0; i < base.length() - 1; i++) {
            if (base.charAt(i) == '-' && Character.isDigit(base.charAt(i + 1))) {
                return base.substring(0, i);
            }
        }
        return base;
    }

    /** The index's lines in the new order of the libraries; lines it does not match stay at the end. */
    private static byte[] rewrittenIndex(byte[] zip, Entry index, long localEnd, List<Entry> sortedLibraries) {
        String text = new String(readEntry(zip, index.localOffset(), localEnd), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().filter(line -> !line.isBlank()).toList());
        StringBuilder result = new StringBuilder();
        for (Entry library : sortedLibraries) {
            String line = "- \"" + library.name() + "\"";
            if (lines.remove(line)) {
                result.append(line).append('\n');
            }
        }
        lines.forEach(line -> result.append(line).append('\n'));
        return result.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readEntry(byte[] zip, long localOffset, long localEnd) {
        try (var file = new ZipInputStream(new ByteArrayInputStream(zip, (int) localOffset, (int) (localEnd - localOffset)))) {
            file.getNextEntry();
            return file.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a new local record for the entry, stored, and updates its central record to match. */
    private static void writeStored(ByteArrayOutputStream local, ByteBuffer cen, byte[] zip, Entry entry, byte[] data) {
        ByteBuffer old = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int at = (int) entry.localOffset();
        int nameLength = Short.toUnsignedInt(old.getShort(at + 26));
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer header = ByteBuffer.allocate(30 + nameLength).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50);
        header.putShort(old.getShort(at + 4));                       // version needed
        header.putShort((short) (old.getShort(at + 6) & ~0x08));     // flags, no data descriptor
        header.putShort((short) ZipEntry.STORED);
        header.putInt(old.getInt(at + 10));                          // time and date
        header.putInt((int) crc.getValue());
        header.putInt(data.length);
        header.putInt(data.length);
        header.putShort((short) nameLength);
        header.putShort((short) 0);                                  // no extra field
        header.put(zip, at + 30, nameLength);
        local.write(header.array(), 0, header.capacity());
        local.write(data, 0, data.length);
        cen.putShort(8, (short) (cen.getShort(8) & ~0x08));
        cen.putShort(10, (short) ZipEntry.STORED);
        cen.putInt(16, (int) crc.getValue());
        cen.putInt(20, data.length);
        cen.putInt(24, data.length);
    }

    private static int findEndRecord(ByteBuffer buf) {
        for (int p = buf.capacity() - 22; p >= Math.max(0, buf.capacity() - 22 - 0xFFFF); p--) {
            if (buf.getInt(p) == 0x06054b50) {
                return p;
            }
        }
        throw new IllegalStateException("not a zip file: no end record");
    }

    /** Reads the new jar back: the same entries, each with the checksum it had. */
    static void verify(Path before, Path after) throws IOException {
        Map<String, Long> expected = new HashMap<>();
        try (ZipFile zip = new ZipFile(before.toFile())) {
            zip.stream().forEach(e -> expected.put(e.getName(), e.getCrc()));
        }
        try (ZipFile zip = new ZipFile(after.toFile())) {
            if (zip.size() != expected.size()) {
                throw new IllegalStateException("entries " + expected.size() + " became " + zip.size());
            }
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                CRC32 crc = new CRC32();
                try (InputStream content = zip.getInputStream(e)) {
                    byte[] chunk = new byte[65536];
                    for (int n; (n = content.read(chunk)) > 0; ) {
                        crc.update(chunk, 0, n);
                    }
                }
                if (!expected.containsKey(e.getName()) || crc.getValue() != e.getCrc()
                        || (!e.getName().equals(INDEX) && e.getCrc() != expected.get(e.getName()))) {
                    throw new IllegalStateException("entry changed: " + e.getName());
                }
            }
        }
    }
}
