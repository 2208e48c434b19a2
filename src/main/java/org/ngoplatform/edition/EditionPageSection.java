package org.ngoplatform.edition;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * A part of the public edition page contributed by another feature (registration, workshop groups),
 * so that the edition feature does not depend on them.
 */
public interface EditionPageSection {

    /** Lower comes first. */
    int order();

    Optional<Component> create(EditionSummary edition);
}
