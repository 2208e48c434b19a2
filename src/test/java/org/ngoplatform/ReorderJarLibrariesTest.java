package org.ngoplatform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build step that stores the runnable jar's libraries in start-up order (src/build/ReorderJarLibraries.java, run
 * by {@code mvn package}), run here the way the build runs it: as a Java source program on a small jar of the same shape.
 */
class ReorderJarLibrariesTest {

    private static final Path PROGRAM = Path.of("src/build/ReorderJarLibraries.java");

    @TempDir
    Path dir;

    @Test
    void listed_libraries_come_first_in_the_list_order_and_the_rest_keep_their_order() throws Exception {
        Path jar = bootJar("alpha-1.0.jar", "beta-2.0.1.jar", "gamma_jdk17-core-3.1.jar", "delta-4.jar");
        Map<String, byte[]> before = contents(jar);

        run(jar, "# a comment", "gamma_jdk17-core", "", "delta", "not-in-the-jar");

        assertThat(entryNames(jar)).containsExactly(
                "META-INF/MANIFEST.MF", "BOOT-INF/classes/org/example/App.class",
                "BOOT-INF/lib/gamma_jdk17-core-3.1.jar", "BOOT-INF/lib/delta-4.jar",
                "BOOT-INF/lib/alpha-1.0.jar", "BOOT-INF/lib/beta-2.0.1.jar",
                "BOOT-INF/classpath.idx");
        assertThat(new String(contents(jar).get("BOOT-INF/classpath.idx"), StandardCharsets.UTF_8)).isEqualTo("""
                - "BOOT-INF/lib/gamma_jdk17-core-3.1.jar"
                - "BOOT-INF/lib/delta-4.jar"
                - "BOOT-INF/lib/alpha-1.0.jar"
                - "BOOT-INF/lib/beta-2.0.1.jar"
                """);
        Map<String, byte[]> after = contents(jar);
        after.remove("BOOT-INF/classpath.idx");
        before.remove("BOOT-INF/classpath.idx");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void a_library_keeps_its_stored_form_and_the_rest_their_compression() throws Exception {
        Path jar = bootJar("alpha-1.0.jar", "beta-2.0.jar");

        run(jar, "beta");

        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("BOOT-INF/lib/beta-2.0.jar").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getEntry("BOOT-INF/lib/alpha-1.0.jar").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getEntry("BOOT-INF/classes/org/example/App.class").getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(zip.getEntry("META-INF/MANIFEST.MF").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
    }

    private void run(Path jar, String... listLines) throws IOException, InterruptedException {
        Path list = dir.resolve("order.txt");
        Files.write(list, List.of(listLines));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, PROGRAM.toString(), jar.toString(), list.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The shape of Spring Boot's jar: manifest, classes, stored libraries, then the index of the libraries. */
    private Path bootJar(String... libraries) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            deflated(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: Launcher\r\n\r\n".repeat(3));
            deflated(zip, "BOOT-INF/classes/org/example/App.class", "class bytes ".repeat(50));
            StringBuilder index = new StringBuilder();
            for (String library : libraries) {
                byte[] content = ("a library called " + library + " ").repeat(20).getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry("BOOT-INF/lib/" + library);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
                index.append("- \"BOOT-INF/lib/").append(library).append("\"\n");
            }
            deflated(zip, "BOOT-INF/classpath.idx", index.toString());
        }
        return jar;
    }

    private static void deflated(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static List<String> entryNames(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static Map<String, byte[]> contents(Path jar) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(entry)) {
                    contents.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return contents;
    }
}
