package org.ngoplatform.export;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Points POI's temp files at a test-owned folder, and lists what is left in it. */
final class PoiTempFiles {

    private PoiTempFiles() {
    }

    static void redirectTo(Path dir) {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
    }

    static void restore() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    /** Regular files anywhere under dir (POI makes a "poifiles" subfolder, which may stay). */
    static List<Path> filesUnder(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
