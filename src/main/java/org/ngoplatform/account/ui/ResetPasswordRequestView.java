package org.ngoplatform.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.ngoplatform.account.Account;
import org.ngoplatform.account.ClientAddress;
import org.ngoplatform.account.PasswordResetService;
import org.ngoplatform.base.ui.ViewHeader;

/**
 * "Forgot password": asks for an email and always answers the same, after about the same time, whether an
 * account exists or not.
 */
@Route("reset-password")
@AnonymousAllowed
class ResetPasswordRequestView extends Div implements HasDynamicTitle {

    /** Every answer takes at least this long, so the time does not tell whether a mail was queued. */
    static final long MIN_ANSWER_MILLIS = 400;

    final EmailField email = new EmailField();
    final Button submit = new Button();
    final Paragraph answer = new Paragraph();

    private final PasswordResetService resets;

    ResetPasswordRequestView(PasswordResetService resets) {
        this.resets = resets;
        addClassNames("page", "narrow-page");
        setId("reset-request-view");
        add(new ViewHeader(getTranslation("reset.request.title")));
        add(new Paragraph(getTranslation("reset.request.intro")));
        email.setLabel(getTranslation("field.email"));
        email.setId("reset-email");
        email.setMaxLength(Account.EMAIL_MAX);
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        submit.setText(getTranslation("reset.request.submit"));
        submit.setId("reset-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        answer.setId("reset-answer");
        answer.setVisible(false);
        answer.getElement().setAttribute("role", "status");
        add(email, submit, answer, new Paragraph(new Anchor("login", getTranslation("reset.back-to-login"))));
    }

    private void submit() {
        String typed = email.getValue() == null ? "" : email.getValue().strip();
        if (typed.isEmpty() || typed.length() > Account.EMAIL_MAX || email.isInvalid()) {
            email.setInvalid(true);
            email.setErrorMessage(getTranslation(typed.isEmpty() ? "validation.required" : "validation.email"));
            return;
        }
        email.setInvalid(false);
        long start = System.nanoTime();
        var outcome = resets.requestReset(typed, address());
        padTo(start);
        answer.setText(getTranslation(outcome == PasswordResetService.RequestOutcome.THROTTLED
                ? "reset.request.throttled" : "reset.request.sent", resets.tokenTtl().toMinutes()));
        answer.setVisible(true);
    }

    private static String address() {
        return ClientAddress.current();
    }

    private static void padTo(long start) {
        long left = MIN_ANSWER_MILLIS - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.request.title");
    }
}
