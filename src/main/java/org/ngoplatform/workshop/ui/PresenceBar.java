package org.ngoplatform.workshop.ui;

import com.vaadin.flow.component.html.Span;

import java.util.ArrayList;
import java.util.List;

/** Who else has the group's outcomes open right now. */
class PresenceBar extends Span {

    private final String myName;

    PresenceBar(String myName) {
        this.myName = myName;
        setId("presence");
        addClassName("presence");
    }

    /** {@code names}: everyone present, this person included. */
    void show(List<String> names) {
        List<String> others = new ArrayList<>(names);
        others.remove(myName);
        setText(others.isEmpty() ? getTranslation("presence.alone")
                : getTranslation("presence.others", String.join(", ", others)));
    }
}
