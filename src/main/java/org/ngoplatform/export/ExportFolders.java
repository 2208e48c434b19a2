package org.ngoplatform.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The export folder: under one known parent ({@code ngo.export.directory}) each running instance has its own
 * private folder {@code instance-<id>} and, beside it, {@code instance-<id>.owner} naming the process that owns it
 * (process id and start time). A folder whose owner process no longer runs was left by a stopped or killed
 * instance: its finished files, partial files and POI temp files are removed at the next start, and the
 * {@code <job>.unfinished} notes in it name the exports that never ended.
 */
final class ExportFolders {

    static final String POI_TEMP = "poi-temp";
    private static final String PREFIX = "instance-";
    private static final String OWNER = ".owner";
    private static final String UNFINISHED = ".unfinished";
    private static final Logger log = LoggerFactory.getLogger(ExportFolders.class);

    /** An export an earlier instance started and never ended: its subject and the details it was started with. */
    record UnfinishedJob(String jobId, String subject, String details) {
    }

    /** A folder (and its owner file) left by an instance that no longer runs. */
    record Leftover(Path folder, Path ownerFile, List<UnfinishedJob> unfinishedJobs) {
    }

    private final Path parent;
    private Path ownerFile;

    ExportFolders(Path parent) {
        this.parent = parent;
    }

    /** Creates this instance's private folder, after writing the owner file that marks it as in use. */
    Path createOwnFolder(String id) {
        try {
            Files.createDirectories(parent);
            Path folder = parent.resolve(PREFIX + id);
            ownerFile = parent.resolve(PREFIX + id + OWNER);
            Files.writeString(ownerFile, Owner.current().toString(), StandardCharsets.UTF_8);
            try {
                return Files.createDirectory(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                return Files.createDirectory(folder);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create export folder under " + parent, e);
        }
    }

    /** Removes this instance's owner file (its folder is deleted by the caller first). */
    void release() {
        if (ownerFile != null) deleteQuietly(ownerFile);
    }

    /**
     * Folders under the parent whose owner no longer runs; a folder without owner file (left by a version that
     * wrote none) counts once nothing in it has changed for {@code quiet}.
     */
    List<Leftover> leftovers(Duration quiet, Instant now) {
        List<Leftover> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) return found;
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path folder : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList()) {
                Path owner = folder.resolveSibling(folder.getFileName() + OWNER);
                boolean abandoned = Files.exists(owner)
                        ? Owner.read(owner).map(o -> !o.isRunning()).orElse(true)
                        : Files.getLastModifiedTime(folder).toInstant().isBefore(now.minus(quiet));
                if (abandoned) {
                    found.add(new Leftover(folder, owner, unfinishedJobs(folder)));
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for leftovers in export folder {}: {}", parent, e.toString());
        }
        return found;
    }

    /** Deletes a leftover folder with everything in it, then its owner file. */
    void delete(Leftover leftover) {
        delete(leftover.folder());
        deleteQuietly(leftover.ownerFile());
    }

    /** Deletes a folder with everything in it. */
    void delete(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(ExportFolders::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not delete export folder {}: {}", folder, e.toString());
        }
    }

    /** Notes that a job started (subject on the first line, details on the second) until it ends. */
    static void writeUnfinished(Path folder, String jobId, String subject, String details) {
        try {
            Files.writeString(folder.resolve(jobId + UNFINISHED), oneLine(subject) + "\n" + oneLine(details) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not note export {} as unfinished: {}", jobId, e.toString());
        }
    }

    static void clearUnfinished(Path folder, String jobId) {
        deleteQuietly(folder.resolve(jobId + UNFINISHED));
    }

    private static List<UnfinishedJob> unfinishedJobs(Path folder) throws IOException {
        List<UnfinishedJob> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path note : files.filter(p -> p.getFileName().toString().endsWith(UNFINISHED)).sorted().toList()) {
                String name = note.getFileName().toString();
                List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
                String jobId = name.substring(0, name.length() - UNFINISHED.length());
                jobs.add(new UnfinishedJob(jobId, lines.isEmpty() ? "export" : lines.get(0),
                        lines.size() < 2 ? "job=" + jobId : lines.get(1)));
            }
        }
        return jobs;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }

    /** A process by id and start time (a process id alone is reused, e.g. always 1 in a container). */
    record Owner(long pid, String started) {

        static Owner current() {
            ProcessHandle me = ProcessHandle.current();
            return new Owner(me.pid(), me.info().startInstant().map(Instant::toString).orElse("?"));
        }

        static Optional<Owner> read(Path file) {
            try {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ", 2);
                return Optional.of(new Owner(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "?"));
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        boolean isRunning() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started.equals("?") || p.info().startInstant().map(Instant::toString).orElse("?").equals(started))
                    .orElse(false);
        }

        @Override
        public String toString() {
            return pid + " " + started;
        }
    }
}
