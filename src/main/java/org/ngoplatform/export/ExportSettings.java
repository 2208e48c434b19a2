package org.ngoplatform.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the export jobs ({@code ngo.export.*} properties).
 *
 * @param directory      the parent of each instance's own folder, where finished files wait for their owner
 *                       (created if missing; leftovers of instances no longer running are removed at start)
 * @param expiry         how long a finished file stays downloadable
 * @param threads        exports running at once
 * @param queueCapacity  exports waiting beyond those; more are refused with {@link ExportBusyException}
 * @param inlineMaxRows  exports expected to have at most this many rows run in the caller's thread
 */
public record ExportSettings(Path directory, Duration expiry, int threads, int queueCapacity, long inlineMaxRows) {

    public ExportSettings {
        Objects.requireNonNull(directory, "directory");
        if (expiry == null || expiry.isNegative() || expiry.isZero()) throw new IllegalArgumentException("expiry must be positive");
        if (threads < 1) throw new IllegalArgumentException("threads < 1");
        if (queueCapacity < 0) throw new IllegalArgumentException("queueCapacity < 0");
    }
}
