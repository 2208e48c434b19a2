package org.ngoplatform.survey.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.invite.InvitationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitations page, browserless: wrong lines named next to the field, counts, the confirmed reminder. */
@IntegrationTest
class SurveyInvitationsViewTest extends SpringBrowserlessTest {

    @Autowired SurveyTestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.ngoplatform.survey.invite.SurveyInvitationService invitations;
    @Autowired org.ngoplatform.survey.respond.SurveyRespondentService respondent;
    @Autowired org.ngoplatform.mail.MailOutbox outbox;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void an_analyst_corrects_a_wrong_line_invites_and_sends_a_confirmed_reminder() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        SurveyInvitationsView view = navigate("surveys/" + survey.id() + "/invitations", SurveyInvitationsView.class);
        assertThat(view.list.getMaxLength()).isPositive();
        assertThat(view.counts.getText()).contains("Invited: 0").contains("link used: 0").doesNotContain("completed");
        assertThat(view.remind.isEnabled()).isFalse();

        String a = InvitationTestSupport.address("view-a");
        String b = InvitationTestSupport.address("view-b");
        test(view.list).setValue(a + "\nnot an address\n" + b);
        test(view.invite).click();
        assertThat(view.list.isInvalid()).isTrue();
        assertThat(view.list.getErrorMessage()).contains("1 lines hold no valid address");
        assertThat(view.problems.getElement().getTextRecursively()).contains("Line 2: not an address");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = ?", Long.class, survey.id())).isZero();

        test(view.list).setValue(a + "\n" + b);
        test(view.invite).click();
        assertThat(view.list.isInvalid()).isFalse();
        assertThat(view.counts.getText()).contains("Invited: 2");
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("Invited");
        // on a phone each invitation is a card: address, status, reminders, when mailed (with the zone)
        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.PHONE);
        assertThat(view.grid.getColumns().stream().filter(com.vaadin.flow.component.grid.Grid.Column::isVisible).count()).isEqualTo(1);
        assertThat(test(view.grid).getCellComponent(0, 0).getElement().getTextRecursively())
                .contains("@", "Status: Invited", "(UTC)");
        org.ngoplatform.base.ui.BrowserWindow.resize(org.ngoplatform.base.ui.BrowserWindow.DESKTOP);

        jdbc.update("UPDATE survey_invitation SET last_mailed_at = ? WHERE survey_id = ?",
                Timestamp.from(Instant.now().minus(49, ChronoUnit.HOURS)), survey.id());
        navigate("surveys/" + survey.id() + "/invitations", SurveyInvitationsView.class);
        view = (SurveyInvitationsView) getCurrentView();
        assertThat(view.remind.getText()).isEqualTo("Send reminder to 2 people");
        test(view.remind).click();
        assertThat(view.confirm.isOpened()).isTrue();
        view.sendReminders();
        assertThat(jdbc.queryForObject("SELECT SUM(reminders) FROM survey_invitation WHERE survey_id = ?", Long.class, survey.id())).isEqualTo(2);
        assertThat(view.remind.isEnabled()).isFalse();
    }

    @Test
    void the_file_upload_box_speaks_the_viewer_s_language_not_vaadin_s_english() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.of("ru"));
        SurveyInvitationsView view = navigate("surveys/" + survey.id() + "/invitations", SurveyInvitationsView.class);
        var i18n = view.upload.getI18n();
        assertThat(i18n.getAddFiles().getOne()).isEqualTo("Выбрать файл…");
        assertThat(i18n.getDropFiles().getOne()).isEqualTo("Перетащите файл сюда");
        assertThat(i18n.getError().getFileIsTooBig()).isEqualTo("Файл слишком большой.");
        assertThat(i18n.getError().getIncorrectFileType()).isEqualTo("Только файлы CSV или обычный текст.");
        assertThat(i18n.getUploading().getError().getServerUnavailable()).startsWith("Загрузка не удалась");
        assertThat(i18n.getUnits().getSize()).containsExactly("Б", "КБ", "МБ", "ГБ", "ТБ");
        assertThat(view.upload.getMaxFiles()).isEqualTo(1);
    }

    @Test
    void a_personal_link_opens_a_survey_for_signed_in_people_without_sign_in_once_and_then_says_it_was_used() {
        var settings = SurveyTestData.settings("Link in the view");
        settings.setAudience(org.ngoplatform.survey.SurveyAudience.SIGNED_IN);
        settings.setAnonymity(org.ngoplatform.survey.SurveyAnonymity.IDENTIFIED);
        var survey = data.openSurvey(settings);
        String a = InvitationTestSupport.address("view-link");
        AccountFixtures.signIn(survey.analyst());
        invitations.inviteAddresses(survey.id(), a, "en");
        AccountFixtures.signOut();
        String token = InvitationTestSupport.token(outbox, jdbc, a, 1);

        com.vaadin.flow.component.UI.getCurrent().navigate("s/" + survey.key(),
                com.vaadin.flow.router.QueryParameters.of("invitation", token));
        SurveyRespondView view = (SurveyRespondView) getCurrentView();
        assertThat(view.getElement().getTextRecursively()).doesNotContain("sign in")
                .contains("stored with the personal link");
        assertThat(view.start.isVisible()).isTrue();

        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 1, false), null, null, token);
        com.vaadin.flow.component.UI.getCurrent().navigate("s/" + survey.key(),
                com.vaadin.flow.router.QueryParameters.of("invitation", token));
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("already been used to answer the survey");
        com.vaadin.flow.component.UI.getCurrent().navigate("s/" + survey.key(),
                com.vaadin.flow.router.QueryParameters.of("invitation", "made-up"));
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("is not valid (any more)");
    }
}
