package org.ngoplatform.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.account.AccountService;
import org.ngoplatform.account.AccountSummary;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;

import java.time.format.DateTimeFormatter;
import org.ngoplatform.base.ZonedTimes;
import org.ngoplatform.base.ui.ViewerZone;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** Organisers manage accounts: find people, grant and revoke roles, disable access. */
@Route("admin/accounts")
@RolesAllowed(Role.ORGANISER_NAME)
@Menu(order = 90, title = "menu.accounts", icon = "vaadin:users")
class AccountsAdminView extends Div implements HasDynamicTitle {

    final TextField filter = new TextField();
    final Grid<AccountSummary> grid = new Grid<>();
    private final AccountService accounts;
    /** Cards instead of columns on a phone. */
    ResponsiveGrid<AccountSummary> cards;
    private Dialog editing;

    AccountsAdminView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        setId("accounts-admin");
        add(new ViewHeader(getTranslation("accounts.title")));

        filter.setPlaceholder(getTranslation("accounts.filter"));
        filter.setAriaLabel(getTranslation("accounts.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setMaxLength(100);
        filter.addClassName("search-field");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var dateFormat = ZonedTimes.formatter(ViewerZone.current(), getLocale());
        grid.addClassName("wrapping-grid"); // roles and times whole, not cut
        // set widths that wrap, not the longest address's or name's: the grid fits beside the menu at 1280 px
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("field.email")).setWidth("12rem").setFlexGrow(2);
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("field.display-name")).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(a -> Countries.name(a.countryCode(), getLocale())).setHeader(getTranslation("field.country"));
        grid.addColumn(a -> a.roles().stream().map(r -> getTranslation("role." + r.name())).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("accounts.roles"));
        grid.addColumn(a -> getTranslation(a.enabled() ? "accounts.enabled" : "accounts.disabled")).setHeader(getTranslation("accounts.status"));
        grid.addColumn(a -> a.lastLoginAt() == null ? "" : dateFormat.format(a.lastLoginAt())).setHeader(getTranslation("accounts.last-login"));
        grid.setItems(query -> accounts.page(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) accounts.count(filter.getValue()));
        grid.addItemClickListener(e -> edit(e.getItem()));
        cards = ResponsiveGrid.cards(grid, getTranslation("accounts.title"), a -> card(a, dateFormat));
        grid.setEmptyStateText(getTranslation("accounts.empty"));
        grid.setHeight("70vh");
        add(filter, grid);
    }

    /** One account on a phone: name, email, country, roles, status, last sign-in and an Edit button. */
    private ResponsiveGrid.Card card(AccountSummary a, DateTimeFormatter dateFormat) {
        var edit = new Button(getTranslation("accounts.edit", a.displayName()), click -> edit(a));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("account-edit-" + a.id());
        var name = new Span(a.displayName());
        name.getElement().setAttribute("dir", "auto");
        return new ResponsiveGrid.Card(name)
                .fact(getTranslation("field.email"), a.email())
                .fact(getTranslation("field.country"), Countries.name(a.countryCode(), getLocale()))
                .fact(getTranslation("accounts.roles"), roles(a))
                .fact(getTranslation("accounts.status"), getTranslation(a.enabled() ? "accounts.enabled" : "accounts.disabled"))
                .fact(getTranslation("accounts.last-login"), a.lastLoginAt() == null ? "" : dateFormat.format(a.lastLoginAt()))
                .actions(edit);
    }

    private String roles(AccountSummary a) {
        return a.roles().stream().map(r -> getTranslation("role." + r.name())).sorted().collect(Collectors.joining(", "));
    }

    void edit(AccountSummary account) {
        if (editing != null && editing.isOpened()) {
            return; // a card's Edit button is inside a row that opens the form on a click as well
        }
        var dialog = new Dialog(getTranslation("accounts.edit", account.email()));
        var roles = new CheckboxGroup<Role>(getTranslation("accounts.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setValue(account.roles());
        var enabled = new Checkbox(getTranslation("accounts.enabled"), account.enabled());
        var save = new Button(getTranslation("action.save"), e -> {
            if (roles.getValue().isEmpty()) {
                roles.setInvalid(true);
                roles.setErrorMessage(getTranslation("accounts.roles.required"));
                return;
            }
            try {
                accounts.changeRoles(account.id(), EnumSet.copyOf(roles.getValue()));
                if (enabled.getValue() != account.enabled()) {
                    accounts.setEnabled(account.id(), enabled.getValue());
                }
            } catch (IllegalStateException last) {
                Notification.show(getTranslation("accounts.last-organiser"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            dialog.close();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("accounts.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("account-save");
        var name = new Paragraph(account.displayName());
        name.addClassName("user-text");
        name.getElement().setAttribute("dir", "auto");
        dialog.add(name, roles, enabled);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        editing = dialog;
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title");
    }
}
