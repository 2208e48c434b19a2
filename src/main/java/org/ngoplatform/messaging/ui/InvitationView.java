package org.ngoplatform.messaging.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.messaging.InvitationService;
import org.ngoplatform.messaging.InvitationSummary;

import java.util.Map;
import java.util.Optional;

/**
 * Where an invitation link leads ({@code /invitation?t=…}): the edition and the invited address, then the way on:
 * signed in, to the registration form; otherwise to sign-up with the address filled in, or to sign in.
 */
@Route("invitation")
@AnonymousAllowed
class InvitationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final InvitationService invitations;
    private final EditionService editions;

    InvitationView(InvitationService invitations, EditionService editions) {
        this.invitations = invitations;
        this.editions = editions;
        addClassName("page");
        setId("invitation");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getLocation().getQueryParameters().getSingleParameter("t").orElse(null);
        Optional<InvitationSummary> found = invitations.invitation(token);
        Optional<EditionSummary> edition = found.flatMap(i -> editions.find(i.editionId()));
        if (found.isEmpty() || edition.isEmpty()) {
            add(new ViewHeader(getTranslation("messaging.invitation.title")));
            var gone = new Paragraph(getTranslation("messaging.invitation.unknown"));
            gone.setId("invitation-unknown");
            add(gone, new Anchor("", getTranslation("messaging.invitation.home")));
            return;
        }
        InvitationSummary invitation = found.get();
        EditionSummary e = edition.get();
        add(new ViewHeader(getTranslation("messaging.invitation.heading", e.title())));
        var to = new Paragraph(getTranslation("messaging.invitation.for", invitation.email()));
        to.setId("invitation-email");
        add(to);
        String register = "editions/" + e.id() + "/register";
        if (CurrentAccount.get().isPresent()) {
            var go = new Anchor(register, getTranslation("messaging.invitation.register"));
            go.setId("invitation-register");
            add(new Div(go));
        } else {
            var signUp = new Anchor("signup?" + QueryParameters.simple(Map.of("email", invitation.email())).getQueryString(),
                    getTranslation("messaging.invitation.sign-up"));
            signUp.setId("invitation-sign-up");
            var signIn = new Anchor("login", getTranslation("messaging.invitation.sign-in"));
            signIn.setId("invitation-sign-in");
            add(new Paragraph(getTranslation("messaging.invitation.then", e.title())), new Div(signUp), new Div(signIn));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("messaging.invitation.title");
    }
}
