package org.ngoplatform.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.sidenav.SideNav;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.base.i18n.LanguagePreference;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LanguageSwitchTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired LanguagePreference preference;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_signed_in_person_switches_to_german_and_the_choice_is_remembered_on_the_account() {
        fixtures.signIn(Role.PARTICIPANT);
        navigate("", Component.class);
        ComboBox<Locale> language = find(ComboBox.class).withId("language").single();
        test(language).selectItem("Deutsch");

        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("de");
        assertThat(preference.load()).contains(Locale.GERMAN);

        navigate("privacy", Component.class);
        navigate("", Component.class);
        SideNav nav = find(SideNav.class).withId("main-nav").single();
        assertThat(nav.getItems()).extracting(item -> item.getElement().getTextRecursively()).contains("Start");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anonymous_visitors_can_switch_to_russian_for_their_session() {
        navigate("", Component.class);
        test((ComboBox<Locale>) find(ComboBox.class).withId("language").single()).selectItem("русский");

        assertThat(UI.getCurrent().getSession().getLocale().getLanguage()).isEqualTo("ru");
        assertThat(preference.load()).isEmpty();
    }
}
