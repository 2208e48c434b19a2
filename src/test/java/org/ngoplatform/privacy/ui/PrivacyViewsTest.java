package org.ngoplatform.privacy.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.EditionFixtures;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.privacy.PrivacyNoticeService;
import org.ngoplatform.privacy.RetentionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Browserless: the notice page, "my data" and the organisers' privacy page. */
@IntegrationTest
class PrivacyViewsTest extends SpringBrowserlessTest {

    @Autowired AccountFixtures fixtures;
    @Autowired PrivacyNoticeService notices;
    @Autowired RetentionService retention;
    @Autowired EditionFixtures editions;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void anyone_reads_the_current_notice_with_its_version_and_cannot_edit_it() {
        var view = navigate("privacy", PrivacyNoticeView.class);
        assertThat(view.edit).isNull();
        assertThat(view.text.getElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(find(Paragraph.class).withId("privacy-version").single().getText())
                .startsWith("Version " + notices.currentVersion());
        assertThat(find(H2.class).all()).isNotEmpty();
    }

    @Test
    void an_organiser_publishes_a_new_version_and_bad_input_keeps_the_text() {
        fixtures.signIn(Role.ORGANISER);
        var view = navigate("privacy", PrivacyNoticeView.class);
        test(view.edit).click();
        assertThat(view.editor.isVisible()).isTrue();
        assertThat(view.body.getValue()).isEqualTo(notices.current().body());

        String text = "## Changed\n<script>alert('x')</script> stays literal";
        test(view.body).setValue(text);
        test(view.label).setValue("2026-11");
        test(view.publish).click();
        assertThat(view.label.isInvalid()).isTrue();
        assertThat(view.body.getValue()).as("nothing typed is lost").isEqualTo(text);

        String label = "v-" + UUID.randomUUID().toString().substring(0, 8);
        test(view.label).setValue(label);
        test(view.publish).click();
        assertThat(notices.currentVersion()).isEqualTo(label);
        assertThat(view.editor.isVisible()).isFalse();
        assertThat(find(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("<script>alert('x')</script> stays literal"));

        com.vaadin.flow.component.UI.getCurrent().navigate("privacy",
                com.vaadin.flow.router.QueryParameters.of("version", "2026-11"));
        assertThat(find(Paragraph.class).withId("privacy-version").single().getText()).startsWith("Version 2026-11");
    }

    @Test
    void the_notice_is_shown_in_the_ui_language_or_in_english_with_a_note() {
        fixtures.signIn(Role.ORGANISER);
        var view = navigate("privacy", PrivacyNoticeView.class);
        test(view.edit).click();
        String label = "l-" + UUID.randomUUID().toString().substring(0, 8);
        test(view.label).setValue(label);
        test(view.body).setValue("## Who we are\nEnglish text " + label);
        test(view.bodyDe).setValue("## Wer wir sind\n<script>alert('de')</script> Deutsch " + label);
        test(view.bodyRu).setValue("");
        test(view.publish).click();
        assertThat(notices.currentVersion()).isEqualTo(label);
        AccountFixtures.signOut();

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate("privacy", PrivacyNoticeView.class);
        assertThat(find(Paragraph.class).withId("privacy-fallback").exists()).isFalse();
        assertThat(find(H2.class).all()).anySatisfy(h -> assertThat(h.getText()).isEqualTo("Wer wir sind"));
        assertThat(find(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText())
                .isEqualTo("<script>alert('de')</script> Deutsch " + label));
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("privacy-content").single().getElement().getAttribute("lang"))
                .isEqualTo("de");

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        navigate("privacy", PrivacyNoticeView.class);
        assertThat(find(Paragraph.class).withId("privacy-fallback").single().getText()).contains("русском");
        assertThat(find(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("English text " + label));
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("privacy-content").single().getElement().getAttribute("lang"))
                .isEqualTo("en");

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        navigate("privacy", PrivacyNoticeView.class);
        assertThat(find(Paragraph.class).withId("privacy-fallback").exists()).isFalse();
        assertThat(find(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("English text " + label));
    }

    @Test
    void the_first_notice_ships_in_german_and_russian_too() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        navigate("privacy", PrivacyNoticeView.class);
        com.vaadin.flow.component.UI.getCurrent().navigate("privacy", com.vaadin.flow.router.QueryParameters.of("version", "2026-11"));
        assertThat(find(Paragraph.class).withId("privacy-fallback").exists()).isFalse();
        assertThat(find(H2.class).all()).extracting(H2::getText).contains("Wer wir sind", "Ihre Rechte");

        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        com.vaadin.flow.component.UI.getCurrent().navigate("privacy", com.vaadin.flow.router.QueryParameters.of("version", "2026-11"));
        assertThat(find(Paragraph.class).withId("privacy-fallback").exists()).isFalse();
        assertThat(find(H2.class).all()).extracting(H2::getText).contains("Кто мы", "Ваши права");
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
    }

    @Test
    void my_data_offers_the_download_and_asks_before_deleting() {
        fixtures.signIn(Role.PARTICIPANT);
        var view = navigate("my/data", MyDataView.class);
        assertThat(view.download.getHref()).isNotBlank();
        test(view.delete).click();
        assertThat(view.confirm.isOpened()).isTrue();
    }

    @Test
    void organisers_set_retention_and_see_a_warning_before_a_purge() {
        var edition = editions.open(5);
        fixtures.signIn(Role.ORGANISER);
        var view = navigate("admin/privacy", PrivacyAdminView.class);
        assertThat(find(Paragraph.class).withId("retention-default").single().getText())
                .isEqualTo("Editions without periods of their own fall under the default period: both steps happen 2 years "
                        + "after the end (setting ngo.privacy.default-retention).");
        view.openRetention(retention.overview().stream().filter(e -> e.editionId() == edition.id()).findFirst().orElseThrow());
        roundTrip();
        var dialog = view.retentionDialog;
        test(dialog.special).setValue(400);
        test(dialog.details).setValue(30);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.details.isInvalid()).isTrue();
        test(dialog.details).setValue(500);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(retention.overview()).anySatisfy(e -> {
            assertThat(e.editionId()).isEqualTo(edition.id());
            assertThat(e.specialDays()).isEqualTo(400);
            assertThat(e.detailsDays()).isEqualTo(500);
        });

        // An edition that ended long ago, with a short period: its purge is due, so organisers are warned.
        jdbc.sql("UPDATE edition SET starts_on = DATE_SUB(CURRENT_DATE, INTERVAL 30 DAY), ends_on = DATE_SUB(CURRENT_DATE, INTERVAL 28 DAY) WHERE id = ?")
                .param(edition.id()).update();
        retention.set(edition.id(), new org.ngoplatform.privacy.RetentionForm(30, 60));
        view.refresh();
        assertThat(find(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText())
                .startsWith("Dietary and accessibility needs of " + edition.city()));
    }

    @Test
    void the_notice_editor_marks_label_and_body_required_and_explains_empty_ones_next_to_them_publishing_nothing() {
        fixtures.signIn(Role.ORGANISER);
        var view = navigate("privacy", PrivacyNoticeView.class);
        String version = notices.currentVersion();
        test(view.edit).click();
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(view.binder, org.ngoplatform.privacy.PrivacyNoticeForm.class);

        test(view.body).setValue("");
        test(view.bodyDe).setValue("Bleibt stehen");
        test(view.publish).click();

        assertThat(view.label.isInvalid()).isTrue();
        assertThat(view.label.getErrorMessage()).isEqualTo("Give the new version a label.");
        assertThat(view.body.isInvalid()).isTrue();
        assertThat(view.body.getErrorMessage()).isEqualTo("The notice cannot be empty.");
        assertThat(view.bodyDe.getValue()).as("nothing typed is lost").isEqualTo("Bleibt stehen");
        assertThat(notices.currentVersion()).isEqualTo(version);
    }

    @Test
    void the_retention_dialog_marks_both_periods_required_and_explains_an_empty_one_next_to_it_saving_nothing() {
        var edition = editions.open(5);
        fixtures.signIn(Role.ORGANISER);
        var view = navigate("admin/privacy", PrivacyAdminView.class);
        view.openRetention(retention.overview().stream().filter(e -> e.editionId() == edition.id()).findFirst().orElseThrow());
        roundTrip();
        var dialog = view.retentionDialog;
        org.ngoplatform.base.ui.RequiredFieldsCheck.assertMarked(dialog.binder, org.ngoplatform.privacy.RetentionForm.class);

        dialog.special.clear();
        test(dialog.details).setValue(777);
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.special.isInvalid()).isTrue();
        assertThat(dialog.special.getErrorMessage()).isEqualTo("Enter a number of days.");
        assertThat(dialog.details.getValue()).as("nothing typed is lost").isEqualTo(777);
        var stored = retention.overview().stream().filter(e -> e.editionId() == edition.id()).findFirst().orElseThrow();
        assertThat(stored.specialDays()).as("nothing saved").isNull();
        assertThat(stored.detailsDays()).as("nothing saved").isNull();
    }
}
