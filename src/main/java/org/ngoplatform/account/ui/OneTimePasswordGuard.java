package org.ngoplatform.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.MyAccountService;
import org.springframework.stereotype.Component;

/**
 * Someone signed in with a one-time password (the first organiser) chooses a new password before anything
 * else: every navigation is forwarded to the account page (/account) until the account has one.
 */
@Component
class OneTimePasswordGuard implements VaadinServiceInitListener {

    private final transient MyAccountService myAccount;

    OneTimePasswordGuard(MyAccountService myAccount) {
        this.myAccount = myAccount;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        if (AccountView.class.equals(event.getNavigationTarget()) || LoginView.class.equals(event.getNavigationTarget())) {
            return;
        }
        boolean flagged = CurrentAccount.get().map(AccountPrincipal::mustChangePassword).orElse(false);
        if (flagged && myAccount.mustChangePassword()) {
            // forwardTo, not rerouteTo: the address bar shows /account, so the menu does not mark the page asked for
            event.forwardTo(AccountView.class);
        }
    }
}
