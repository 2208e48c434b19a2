package org.ngoplatform.survey.invite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.Role;
import org.ngoplatform.mail.MailOutbox;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyTestData;
import org.ngoplatform.survey.respond.RespondentIdentity;
import org.ngoplatform.survey.respond.SurveyRespondentService;
import org.ngoplatform.survey.respond.SurveyRespondentService.LinkCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Survey invitations and reminders (issue 17 §3): who may invite, the list rule, the caps, links used once, reminders. */
@IntegrationTest
class SurveyInvitationServiceTest {

    @Autowired SurveyTestData data;
    @Autowired SurveyInvitationService invitations;
    @Autowired org.ngoplatform.survey.design.SurveyBuilderService builder;
    @Autowired SurveyRespondentService respondent;
    @Autowired AccountFixtures fixtures;
    @Autowired MailOutbox outbox;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.ngoplatform.survey.respond.ResponseStore responses;
    @Autowired org.ngoplatform.survey.results.SurveyExportService surveyExport;
    @Autowired org.ngoplatform.export.ExportService exports;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void participants_and_facilitators_may_not_invite_nor_remind() {
        var survey = data.openSurvey();
        for (Role role : new Role[]{Role.PARTICIPANT, Role.FACILITATOR}) {
            fixtures.signIn(role);
            assertThatThrownBy(() -> invitations.inviteAddresses(survey.id(), InvitationTestSupport.address("x"), "en"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> invitations.remind(survey.id())).isInstanceOf(AuthorizationDeniedException.class);
        }
        assertThat(invited(survey.id())).isZero();
    }

    @Test
    void a_pasted_list_is_deduplicated_and_an_address_is_invited_once() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        String a = InvitationTestSupport.address("dedupe-a");
        String b = InvitationTestSupport.address("dedupe-b");
        var first = invitations.inviteAddresses(survey.id(), "email,name\n" + a + ",Anna\n\n" + b.toUpperCase() + "\n<" + a + ">\n", "de");
        assertThat(first).isEqualTo(new InvitationResult(2, 0, 1));
        String c = InvitationTestSupport.address("dedupe-c");
        var second = invitations.inviteAddresses(survey.id(), a + "\n" + b + "\n" + c, "en");
        assertThat(second).isEqualTo(new InvitationResult(1, 2, 0));
        assertThat(invited(survey.id())).isEqualTo(3);
        assertThat(invitations.counts(survey.id())).isEqualTo(new InvitationCounts(true, 3, 0, null, 0));
        assertThat(invitations.invitations(survey.id(), 0, 10)).extracting(SurveyInvitationSummary::email)
                .containsExactly(c, b, a);
    }

    @Test
    void a_list_with_wrong_lines_is_refused_whole_naming_each_line() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        String good = InvitationTestSupport.address("good");
        String list = good + "\nnot-an-address@\njust a name\n\"Anna\" <anna@example.org>, second@example.org\nok@example.org";
        assertThatThrownBy(() -> invitations.inviteAddresses(survey.id(), list, "en"))
                .isInstanceOfSatisfying(AddressesRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("addresses");
                    assertThat(e.count()).isEqualTo(3);
                    assertThat(e.mistakes()).extracting(AddressList.Mistake::line).containsExactly(2, 3, 4);
                });
        assertThat(invited(survey.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Long.class, good)).isZero();
    }

    @Test
    void a_list_over_the_cap_or_a_broken_file_is_refused_and_nothing_is_written() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        String tooMany = IntStream.rangeClosed(0, AddressList.MAX_ADDRESSES)
                .mapToObj(i -> "cap" + i + "@example.org").collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> invitations.inviteAddresses(survey.id(), tooMany, "en"))
                .isInstanceOfSatisfying(InvitationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.too-many"));
        assertThatThrownBy(() -> invitations.inviteFile(survey.id(), new byte[]{(byte) 0xC3, 0x28, '@'}, "en"))
                .isInstanceOfSatisfying(InvitationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.encoding"));
        assertThatThrownBy(() -> invitations.inviteAddresses(survey.id(), "x".repeat(AddressList.MAX_CHARS + 1), "en"))
                .isInstanceOfSatisfying(InvitationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.too-long"));
        assertThat(invited(survey.id())).isZero();
    }

    @Test
    void the_hourly_limit_stops_a_sender_before_anything_is_written() {
        var survey = data.openSurvey();
        AccountFixtures.signIn(survey.analyst());
        // this sender's earlier batches in the last hour: one mail short of the limit (600)
        jdbc.update("INSERT INTO survey_invitation_batch (survey_id, sent_by, sent_at, mail_count) VALUES (?, ?, ?, ?)",
                survey.id(), survey.analyst().accountId(), Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)), 599);
        try {
            String a = InvitationTestSupport.address("hour-a");
            String b = InvitationTestSupport.address("hour-b");
            assertThatThrownBy(() -> invitations.inviteAddresses(survey.id(), a + "\n" + b, "en"))
                    .isInstanceOfSatisfying(InvitationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.hourly-limit"));
            assertThat(invited(survey.id())).isZero();
            assertThat(invitations.inviteAddresses(survey.id(), a, "en").invited()).isEqualTo(1);
        } finally {
            // our own rows only, so other tests' hourly count is not raised for an hour
            jdbc.update("DELETE FROM survey_invitation_batch WHERE survey_id = ?", survey.id());
        }
    }

    @Test
    void only_an_open_survey_invites() {
        fixtures.signIn(Role.ANALYST);
        long draft = builder.create(SurveyTestData.settings("Draft invitations"));
        assertThatThrownBy(() -> invitations.inviteAddresses(draft, InvitationTestSupport.address("draft"), "en"))
                .isInstanceOfSatisfying(InvitationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.not-open"));
    }

    @Test
    void a_personal_link_answers_an_identified_survey_once_without_sign_in_and_the_response_records_the_invitation() {
        var settings = SurveyTestData.settings("Identified by invitation");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        var survey = data.openSurvey(settings);
        AccountFixtures.signIn(survey.analyst());
        String a = InvitationTestSupport.address("once");
        invitations.inviteAddresses(survey.id(), a, "en");
        AccountFixtures.signOut();
        String token = InvitationTestSupport.token(outbox, jdbc, a, 1);

        assertThat(respondent.openInvitation(survey.key(), "not-" + token)).isEqualTo(LinkCheck.UNKNOWN);
        assertThat(respondent.openInvitation(survey.key(), token)).isEqualTo(LinkCheck.VALID);
        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 3, false), null, null, token);

        assertThat(respondent.openInvitation(survey.key(), token)).isEqualTo(LinkCheck.USED);
        assertThatThrownBy(() -> respondent.submit(survey.key(), respondent.newSubmissionToken(),
                SurveyTestData.complete("ngo", 3, false), null, null, token))
                .isInstanceOfSatisfying(SurveyRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.link-used"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?", Long.class, survey.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM survey_invitation_response r JOIN survey_invitation i ON i.id = r.invitation_id
                JOIN survey_response s ON s.id = r.response_id WHERE i.email = ? AND s.survey_id = ?""", Long.class, a, survey.id())).isEqualTo(1);

        AccountFixtures.signIn(survey.analyst());
        assertThat(invitations.counts(survey.id())).isEqualTo(new InvitationCounts(false, 1, 0, 1L, 0));
        assertThat(invitations.invitations(survey.id(), 0, 5)).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(ShownStatus.COMPLETED));
    }

    /**
     * A response by personal link to an identified survey has no account: the respondents listing and the organiser's
     * identity export show the invited address where a signed-in respondent's account would be; an anonymous survey's
     * response by link shows nobody.
     */
    @Test
    void an_identified_response_by_personal_link_shows_the_invited_address_as_its_respondent_and_an_anonymous_one_nobody()
            throws Exception {
        var settings = SurveyTestData.settings("Identified respondents by invitation");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        var survey = data.openSurvey(settings);
        var anonymous = data.openSurvey(SurveyTestData.settings("Anonymous respondents by invitation"));
        String a = InvitationTestSupport.address("identified-respondent");
        String b = InvitationTestSupport.address("anonymous-respondent");
        AccountFixtures.signIn(survey.analyst());
        invitations.inviteAddresses(survey.id(), a, "en");
        AccountFixtures.signIn(anonymous.analyst());
        invitations.inviteAddresses(anonymous.id(), b, "en");
        AccountFixtures.signOut();
        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 3, false), null, null,
                InvitationTestSupport.token(outbox, jdbc, a, 1));
        respondent.submit(anonymous.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 3, false), null, null,
                InvitationTestSupport.token(outbox, jdbc, b, 1));
        long response = jdbc.queryForObject("SELECT id FROM survey_response WHERE survey_id = ?", Long.class, survey.id());
        long anonymousResponse = jdbc.queryForObject("SELECT id FROM survey_response WHERE survey_id = ?", Long.class, anonymous.id());

        AccountFixtures.signIn(survey.analyst());
        assertThat(responses.respondents(survey.id(), java.util.List.of(response)))
                .containsExactly(new RespondentIdentity(response, null, a));
        fixtures.signIn(Role.ORGANISER);
        assertThat(responses.identities(survey.id(), java.util.List.of(response)))
                .containsExactly(java.util.Map.entry(response, new RespondentIdentity(response, null, a)));
        assertThat(responses.identities(anonymous.id(), java.util.List.of(anonymousResponse))).as("anonymous: nobody").isEmpty();
        assertThatThrownBy(() -> responses.respondents(anonymous.id(), java.util.List.of(anonymousResponse)))
                .isInstanceOf(org.ngoplatform.survey.respond.ResponseRejectedException.class);

        var status = surveyExport.exportResults(survey.id(), null, true);
        try (var in = java.nio.file.Files.newInputStream(exports.download(status.jobId()).path());
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = wb.getSheet("Responses");
            java.util.List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(header.indexOf("respondent_email")).getStringCellValue()).isEqualTo(a);
            var name = sheet.getRow(1).getCell(header.indexOf("respondent_name"));
            assertThat(name == null ? "" : name.getStringCellValue()).isEmpty();
        }
    }

    @Test
    void reminders_go_to_those_who_have_not_answered_with_a_new_link_not_too_soon_and_not_too_often() {
        var settings = SurveyTestData.settings("Reminders");
        settings.setAudience(SurveyAudience.SIGNED_IN);
        settings.setAnonymity(SurveyAnonymity.IDENTIFIED);
        var survey = data.openSurvey(settings);
        AccountFixtures.signIn(survey.analyst());
        String done = InvitationTestSupport.address("done");
        String started = InvitationTestSupport.address("started");
        String silent = InvitationTestSupport.address("silent");
        invitations.inviteAddresses(survey.id(), done + "\n" + started + "\n" + silent, "en");
        AccountFixtures.signOut();
        String doneToken = InvitationTestSupport.token(outbox, jdbc, done, 1);
        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 3, false), null, null, doneToken);
        String startedToken = InvitationTestSupport.token(outbox, jdbc, started, 1);
        assertThat(respondent.openInvitation(survey.key(), startedToken)).isEqualTo(LinkCheck.VALID);

        AccountFixtures.signIn(survey.analyst());
        assertThat(invitations.counts(survey.id())).isEqualTo(new InvitationCounts(false, 3, 1, 1L, 0));
        assertThatThrownBy(() -> invitations.remind(survey.id()))
                .isInstanceOfSatisfying(InvitationRejectedException.class, e -> assertThat(e.messageKey()).isEqualTo("survey.invite.nobody-due"));

        for (int round = 1; round <= 3; round++) {
            ageMails(survey.id());
            assertThat(invitations.counts(survey.id()).remindable()).isEqualTo(2);
            assertThat(invitations.remind(survey.id())).isEqualTo(2);
        }
        ageMails(survey.id());
        assertThat(invitations.counts(survey.id()).remindable()).as("at most three reminders each").isZero();
        assertThatThrownBy(() -> invitations.remind(survey.id())).isInstanceOf(InvitationRejectedException.class);

        AccountFixtures.signOut();
        assertThat(InvitationTestSupport.token(outbox, jdbc, done, 1)).isEqualTo(doneToken);
        assertThat(org.ngoplatform.TestMail.bodiesTo(done, 1)).as("no reminder to who answered").hasSize(1);
        String newest = InvitationTestSupport.token(outbox, jdbc, silent, 4);
        assertThat(respondent.openInvitation(survey.key(), startedToken)).as("a reminder replaces the link").isEqualTo(LinkCheck.UNKNOWN);
        assertThat(respondent.openInvitation(survey.key(), newest)).isEqualTo(LinkCheck.VALID);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'SURVEY_REMINDERS_SENT' AND subject = ?",
                Long.class, "survey:" + survey.id())).isEqualTo(3);
    }

    @Test
    void an_anonymous_survey_shows_only_invited_or_link_used_and_reminds_only_unopened_links() {
        var survey = data.openSurvey(SurveyTestData.settings("Anonymous invitations"));
        AccountFixtures.signIn(survey.analyst());
        String answered = InvitationTestSupport.address("anon-answered");
        String opened = InvitationTestSupport.address("anon-opened");
        String silent = InvitationTestSupport.address("anon-silent");
        invitations.inviteAddresses(survey.id(), answered + "\n" + opened + "\n" + silent, "en");
        AccountFixtures.signOut();
        String t1 = InvitationTestSupport.token(outbox, jdbc, answered, 1);
        respondent.submit(survey.key(), respondent.newSubmissionToken(), SurveyTestData.complete("ngo", 3, false), null, null, t1);
        assertThat(respondent.openInvitation(survey.key(), InvitationTestSupport.token(outbox, jdbc, opened, 1))).isEqualTo(LinkCheck.VALID);

        AccountFixtures.signIn(survey.analyst());
        assertThat(invitations.counts(survey.id())).isEqualTo(new InvitationCounts(true, 3, 2, null, 0));
        assertThat(invitations.invitations(survey.id(), 0, 5)).extracting(SurveyInvitationSummary::status)
                .containsExactlyInAnyOrder(ShownStatus.LINK_USED, ShownStatus.LINK_USED, ShownStatus.INVITED);
        ageMails(survey.id());
        assertThat(invitations.remind(survey.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reminders FROM survey_invitation WHERE email = ?", Integer.class, silent)).isEqualTo(1);
    }

    /** As if every mail of this survey's invitations had gone out 49 hours ago (the gap is 48). */
    private void ageMails(long surveyId) {
        jdbc.update("UPDATE survey_invitation SET last_mailed_at = ? WHERE survey_id = ?",
                Timestamp.from(Instant.now().minus(49, ChronoUnit.HOURS)), surveyId);
    }

    private long invited(long surveyId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = ?", Long.class, surveyId);
    }
}
