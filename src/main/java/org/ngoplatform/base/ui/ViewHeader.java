package org.ngoplatform.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;

/** The title row of a view, with optional actions on the right. */
public class ViewHeader extends Div {

    public ViewHeader(String title, Component... actions) {
        addClassName("view-header");
        var heading = new H1(title);
        var actionBar = new Div(actions);
        actionBar.addClassName("view-actions");
        add(heading, actionBar);
    }
}
