package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Re-rendering without taking the keyboard focus away. */
final class Children {

    private Children() {
    }

    /**
     * Makes {@code wanted} the children of {@code parent}, leaving in place those already there in that order: a
     * live update must not detach the form someone is typing in, which would take the keyboard focus from them.
     */
    static void replace(Div parent, List<? extends Component> wanted) {
        Set<Component> keep = new HashSet<>(wanted);
        parent.getChildren().filter(c -> !keep.contains(c)).toList().forEach(parent::remove);
        for (int i = 0; i < wanted.size(); i++) {
            List<Component> now = parent.getChildren().toList();
            if (i >= now.size() || now.get(i) != wanted.get(i)) {
                parent.addComponentAtIndex(i, wanted.get(i));
            }
        }
    }
}
