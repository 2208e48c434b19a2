package org.ngoplatform.export;

import java.nio.file.Path;

/** A finished export's file, handed only to its owner. */
public record ExportFile(Path path, String fileName, String contentType, long size) {
}
