package org.ngoplatform.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * A titled list of labelled horizontal bars (Divs, no SVG): each item reads as text ("Germany 12 of 40") and
 * shows its share as a bar whose width is the percentage. Labels are set as text only.
 */
class Bars extends Div {

    private final UnorderedList list = new UnorderedList();

    Bars(String title) {
        addClassName("dashboard-bars");
        list.addClassName("dashboard-bar-list");
        add(new H4(title), list);
    }

    /** Adds a bar; {@code percent} from 0 to 100. */
    Bars bar(String label, String figure, int percent) {
        var name = new Span(label);
        name.addClassName("dashboard-bar-label");
        var value = new Span(figure);
        value.addClassName("dashboard-bar-figure");
        var fill = new Div();
        fill.addClassName("dashboard-bar-fill");
        fill.getStyle().set("width", Math.max(0, Math.min(100, percent)) + "%");
        var track = new Div(fill);
        track.addClassName("dashboard-bar-track");
        track.getElement().setAttribute("aria-hidden", "true");
        list.add(new ListItem(name, value, track));
        return this;
    }

    boolean isEmpty() {
        return list.getComponentCount() == 0;
    }
}
