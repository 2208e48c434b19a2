package org.ngoplatform.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.ngoplatform.base.i18n.LanguagePreference;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.base.security.NamedPrincipal;

import java.util.Locale;

/** The application shell: a drawer whose menu shows only what the signed-in person may open. */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String THEME_SESSION_KEY = "ngo.colorScheme";

    static final String LANGUAGE_SESSION_KEY = "ngo.language";

    /**
     * Lumo fades some colours (field labels: {@code transition: color .2s}). After a theme switch that fade would
     * start from the old theme's colour, dark grey on the dark background (1.04:1) for the first moments, so every
     * colour transition the switch started is finished at once, in the page and in every component's shadow root.
     */
    static final String FINISH_COLOR_TRANSITIONS = """
            const finish = root => {
                root.getAnimations().forEach(a => { if (a instanceof CSSTransition) a.finish(); });
                root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) finish(e.shadowRoot); });
            };
            finish(document);""";

    private final transient AuthenticationContext authContext;
    private final transient LanguagePreference languagePreference;
    private final transient AccessibleMenu accessibleMenu;
    // a combo box, not a Select: Vaadin's Select trips axe's aria-allowed-attr rule
    private final ComboBox<Locale> language = new ComboBox<>();
    private final SideNav nav = new SideNav();
    private final Div userArea = new Div();
    /** Wraps every view: the page's main landmark and the target of the skip link. */
    private final Main main = new Main();

    MainLayout(AuthenticationContext authContext, LanguagePreference languagePreference, AccessibleMenu accessibleMenu) {
        this.authContext = authContext;
        this.languagePreference = languagePreference;
        this.accessibleMenu = accessibleMenu;
        setPrimarySection(Section.DRAWER);

        var title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        nav.setLabel(getTranslation("menu.label"));
        nav.setId("main-nav");
        userArea.addClassName("user-area");

        var themeToggle = new Button(new Icon(VaadinIcon.ADJUST), e -> toggleColorScheme());
        themeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeToggle.setAriaLabel(getTranslation("theme.toggle"));
        themeToggle.setTooltipText(getTranslation("theme.toggle"));
        themeToggle.setId("theme-toggle");

        language.setItems(MessagesI18NProvider.LOCALES);
        language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
        language.setAllowCustomValue(false);
        language.setAriaLabel(getTranslation("language.choose"));
        language.setId("language");
        language.addClassName("language-select");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchLanguage(e.getValue());
            } else if (e.isFromClient()) {
                language.setValue(e.getOldValue()); // emptied by the user: keep showing the language in use
            }
        });

        // first stop of the keyboard: jump over the navbar and the menu straight to the page
        var skip = new Anchor("#main-content", getTranslation("skip.to-content"));
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const m = document.getElementById('main-content'); if (m) { m.focus(); m.scrollIntoView(); } })");
        main.setId("main-content");
        main.addClassName("main-content");
        main.getElement().setAttribute("tabindex", "-1");

        var navbar = new Div(skip, new DrawerToggle(), title, userArea, language, themeToggle);
        navbar.addClassName("app-navbar");
        addToNavbar(navbar);

        var drawerHeader = new Div(new Span(getTranslation("app.tagline")));
        drawerHeader.addClassName("drawer-header");
        addToDrawer(drawerHeader, new Scroller(nav));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Object stored = event.getSession().getAttribute(THEME_SESSION_KEY);
        if (stored instanceof ColorScheme.Value scheme) {
            applyColorScheme(event.getUI(), scheme);
        }
        language.setValue(supported(event.getUI().getLocale()));
        // menu and user area are built in afterNavigation, which follows the first attach too (building them here
        // as well built every visitor's menu twice, each time checking every route's access)
    }

    private void switchLanguage(Locale locale) {
        getUI().ifPresent(ui -> {
            ui.getSession().setAttribute(LANGUAGE_SESSION_KEY, locale);
            ui.getSession().setLocale(locale);
            ui.setLocale(locale);
            if (authContext.isAuthenticated()) {
                languagePreference.save(locale);
            }
            ui.getPage().reload();
        });
    }

    private static Locale supported(Locale locale) {
        return MessagesI18NProvider.LOCALES.stream()
                .filter(l -> locale != null && l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
        if (getContent() != main) {
            setContent(main);
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        buildMenu();
        buildUserArea();
    }

    private void buildMenu() {
        nav.removeAll();
        for (MenuEntry entry : accessibleMenu.entries()) {
            SideNavItem item = new SideNavItem(null, entry.path());
            // the label in an element of its own: the item's slot keeps text on one line and cuts it off in the
            // 256 px drawer ("Datenschutz und Aufbew…"); the span wraps instead (.nav-label in ngo-platform.css)
            var label = new Span(getTranslation(entry.title()));
            label.addClassName("nav-label");
            item.getElement().appendChild(label.getElement());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
    }

    private void buildUserArea() {
        userArea.removeAll();
        if (authContext.isAuthenticated()) {
            String name = authContext.getAuthenticatedUser(NamedPrincipal.class)
                    .map(NamedPrincipal::displayName)
                    .or(authContext::getPrincipalName)
                    .orElse("");
            var who = new Span(name);
            who.addClassName("user-name");
            who.setId("current-user");
            var logout = new Button(getTranslation("action.logout"), e -> authContext.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            var account = new Anchor("account", getTranslation("account.menu"));
            account.setId("account-link");
            userArea.add(who, account, logout);
        } else {
            var login = new Anchor("login", getTranslation("action.login"));
            login.setId("login-link");
            var signup = new Anchor("signup", getTranslation("action.signup"));
            signup.setId("signup-link");
            userArea.add(login, signup);
        }
    }

    private void toggleColorScheme() {
        getUI().ifPresent(ui -> {
            // the session's choice first: after a page load in dark the page's own record of its scheme can be the
            // browser's light default reported after onAttach applied dark, and the click then kept dark
            Object stored = ui.getSession().getAttribute(THEME_SESSION_KEY);
            ColorScheme.Value current = stored instanceof ColorScheme.Value scheme ? scheme : ui.getPage().getColorScheme();
            ColorScheme.Value next = current == ColorScheme.Value.DARK ? ColorScheme.Value.LIGHT : ColorScheme.Value.DARK;
            applyColorScheme(ui, next);
            ui.getSession().setAttribute(THEME_SESSION_KEY, next);
        });
    }

    /** Switches light/dark at once: no colour is left fading from the old theme (see {@link #FINISH_COLOR_TRANSITIONS}). */
    private static void applyColorScheme(UI ui, ColorScheme.Value scheme) {
        ui.getPage().setColorScheme(scheme);
        ui.getPage().executeJs(FINISH_COLOR_TRANSITIONS);
    }

    Component navigation() {
        return nav;
    }
}
