package org.ngoplatform.edition.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** For organisers while no edition is upcoming (a fresh start): where to begin. */
class FirstSteps extends Div {

    FirstSteps() {
        setId("first-steps");
        addClassName("first-steps");
        var createEdition = new Anchor("admin/editions", getTranslation("home.first-steps.edition.link"));
        createEdition.setId("first-steps-editions");
        var accounts = new Anchor("admin/accounts", getTranslation("home.first-steps.colleagues.link"));
        accounts.setId("first-steps-accounts");
        add(new H2(getTranslation("home.first-steps.title")),
                new Paragraph(getTranslation("home.first-steps.intro")),
                new OrderedList(
                        new ListItem(createEdition, new Span(" " + getTranslation("home.first-steps.edition.text"))),
                        new ListItem(accounts, new Span(" " + getTranslation("home.first-steps.colleagues.text")))));
    }
}
