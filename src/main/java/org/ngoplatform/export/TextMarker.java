package org.ngoplatform.export;

import java.util.Objects;

/**
 * A documented code written as a text cell into a column of any kind, e.g. a survey's "not asked" marker in
 * a number or date column. A plain {@code String} in such a column is still refused as a programming error.
 */
public record TextMarker(String text) {

    public TextMarker {
        Objects.requireNonNull(text, "text");
    }
}
