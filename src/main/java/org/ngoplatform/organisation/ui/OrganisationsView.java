package org.ngoplatform.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.ngoplatform.base.Countries;
import org.ngoplatform.base.ui.ResponsiveGrid;
import org.ngoplatform.base.ui.ViewHeader;
import org.ngoplatform.base.RejectedException;
import org.ngoplatform.organisation.Organisation;
import org.ngoplatform.organisation.OrganisationRef;
import org.ngoplatform.organisation.OrganisationService;

/** Organisers keep the list of member organisations and review names people typed in. */
@Route("admin/organisations")
@RolesAllowed("ORGANISER")
@Menu(order = 91, title = "menu.organisations", icon = "vaadin:institution")
class OrganisationsView extends Div implements HasDynamicTitle {

    final Grid<OrganisationRef> grid = new Grid<>();
    /** Cards instead of columns on a phone. */
    final ResponsiveGrid<OrganisationRef> cards;
    final TextField name = new TextField();
    final ComboBox<String> country = new ComboBox<>();
    private final OrganisationService organisations;

    OrganisationsView(OrganisationService organisations) {
        this.organisations = organisations;
        addClassName("page");
        setId("organisations-admin");
        add(new ViewHeader(getTranslation("organisations.title")));

        name.setLabel(getTranslation("field.organisation"));
        name.setMaxLength(Organisation.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        country.setLabel(getTranslation("field.country"));
        country.setRequiredIndicatorVisible(true);
        country.setItems(Countries.codesSortedByName(getLocale()));
        country.setItemLabelGenerator(c -> Countries.name(c, getLocale()));
        var add = new Button(getTranslation("organisations.add"), e -> create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, country, add);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        form.setWrap(true);

        grid.addClassName("wrapping-grid"); // country names whole, not cut on a phone
        // set widths that wrap, not the longest name's: on a phone the Approve button stays whole and in view
        grid.addColumn(OrganisationRef::name).setHeader(getTranslation("field.organisation")).setWidth("8rem").setFlexGrow(2);
        grid.addColumn(o -> Countries.name(o.countryCode(), getLocale())).setHeader(getTranslation("field.country")).setWidth("6rem").setFlexGrow(1);
        grid.addComponentColumn(this::status).setHeader(getTranslation("organisations.status")).setAutoWidth(true).setFlexGrow(0);
        // on a phone each organisation is a card with its Approve button
        cards = ResponsiveGrid.cards(grid, getTranslation("field.organisation"), o -> new ResponsiveGrid.Card(o.name())
                .fact(getTranslation("field.country"), Countries.name(o.countryCode(), getLocale()))
                .actions(status(o)));
        grid.setHeight("70vh");
        refresh();
        add(form, grid);
    }

    /** "Approved", or the button that approves a proposed organisation. */
    private com.vaadin.flow.component.Component status(OrganisationRef o) {
        if (o.approved()) {
            return new Div(getTranslation("organisations.approved"));
        }
        var approve = new Button(getTranslation("organisations.approve"), e -> {
            organisations.approve(o.id());
            refresh();
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return approve;
    }

    private void create() {
        boolean ok = true;
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("validation.required"));
            ok = false;
        } else if (name.getValue().strip().length() > Organisation.NAME_MAX) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("validation.too-long"));
            ok = false;
        }
        if (country.getValue() == null) {
            country.setInvalid(true);
            country.setErrorMessage(getTranslation("validation.required"));
            ok = false;
        }
        if (!ok) return;
        try {
            organisations.create(name.getValue(), country.getValue());
        } catch (RejectedException rejected) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation(rejected.messageKey()));
            return;
        } catch (IllegalArgumentException duplicate) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("organisations.duplicate"));
            return;
        }
        name.clear();
        country.clear();
        // emptied after a success, not left empty by the person: no "required" message on the marked fields
        name.setInvalid(false);
        country.setInvalid(false);
        refresh();
        Notification.show(getTranslation("organisations.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        grid.setItems(organisations.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organisations.title");
    }
}
