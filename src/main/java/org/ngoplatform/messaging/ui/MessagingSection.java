package org.ngoplatform.messaging.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.Role;
import org.ngoplatform.edition.EditionPageSection;
import org.ngoplatform.edition.EditionStatus;
import org.ngoplatform.edition.EditionSummary;

import java.util.Optional;

/** On an edition's page, for organisers only: links to its messages and its invitations. */
@org.springframework.stereotype.Component
class MessagingSection implements EditionPageSection {

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Component> create(EditionSummary edition) {
        if (!CurrentAccount.hasRole(Role.ORGANISER) || edition.status() == EditionStatus.ARCHIVED) {
            return Optional.empty();
        }
        var section = new Div();
        section.addClassName("edition-section");
        section.setId("messaging-section");
        section.add(new H2(section.getTranslation("messaging.section.title")));
        var messages = new Anchor("admin/editions/" + edition.id() + "/messages", section.getTranslation("messaging.section.messages"));
        messages.setId("messaging-link");
        var invitations = new Anchor("admin/editions/" + edition.id() + "/invitations", section.getTranslation("messaging.section.invitations"));
        invitations.setId("invitations-link");
        section.add(new Div(messages), new Div(invitations));
        return Optional.of(section);
    }
}
