package org.ngoplatform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ngoplatform.IntegrationTest;
import org.ngoplatform.account.AccountFixtures;
import org.ngoplatform.account.AccountPrincipal;
import org.ngoplatform.account.Role;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public method of every {@code @Service} bean, called as anonymous and as each role through the real
 * Spring proxies. The table is the specification: a new public service method fails this test until someone
 * decides who may call it. Calls use neutral arguments (nulls, zeros); only the security gate is judged: a
 * method-security denial ({@link AuthorizationDeniedException}), no authentication at all
 * ({@link AuthenticationCredentialsNotFoundException}), or passed (the method ran, whatever it then did).
 */
@IntegrationTest
class ServiceAccessMatrixTest {

    enum Outcome { ALLOWED, ACCESS_DENIED, NO_AUTHENTICATION }

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final List<String> CALLERS = List.of(ANONYMOUS, "PARTICIPANT", "FACILITATOR", "ANALYST", "ORGANISER");

    /** Who passes the gate; everyone else signed in gets ACCESS_DENIED, anonymous gets NO_AUTHENTICATION. */
    private static final Set<String> ANYONE = Set.copyOf(CALLERS);
    private static final Set<String> SIGNED_IN = Set.of("PARTICIPANT", "FACILITATOR", "ANALYST", "ORGANISER");
    private static final Set<String> ORGANISERS = Set.of("ORGANISER");
    private static final Set<String> ANALYSTS = Set.of("ANALYST", "ORGANISER");
    private static final Set<String> FACILITATORS = Set.of("FACILITATOR", "ORGANISER");

    static final Map<String, Set<String>> ACCESS = new LinkedHashMap<>();

    static {
        // account: sign-up and reset are for people without an account; the rest needs one.
        ACCESS.put("AccountService.privacyNoticeVersion", ANYONE);
        ACCESS.put("AccountService.signUp", ANYONE);
        ACCESS.put("AccountService.organiserExists", ANYONE);
        ACCESS.put("AccountService.me", SIGNED_IN);
        ACCESS.put("AccountService.meWithContact", SIGNED_IN);
        ACCESS.put("AccountService.displayNames", SIGNED_IN);
        ACCESS.put("AccountService.page", ORGANISERS);
        ACCESS.put("AccountService.pageEnabled", ORGANISERS);
        ACCESS.put("AccountService.count", ORGANISERS);
        ACCESS.put("AccountService.find", ORGANISERS);
        ACCESS.put("AccountService.changeRoles", ORGANISERS);
        ACCESS.put("AccountService.grantRole", ORGANISERS);
        ACCESS.put("AccountService.setEnabled", ORGANISERS);
        // organisers' addresses for mails from scheduled jobs: no authentication at all (a job, never a web visitor,
        // who carries an anonymous token) or an organiser
        ACCESS.put("AccountService.activeOrganisers", Set.of(ANONYMOUS, "ORGANISER"));
        ACCESS.put("PasswordResetService.tokenTtl", ANYONE);
        ACCESS.put("PasswordResetService.requestReset", ANYONE);
        ACCESS.put("PasswordResetService.isUsable", ANYONE);
        ACCESS.put("PasswordResetService.resetPassword", ANYONE);
        // audit: any feature records what its caller did; only organisers read.
        ACCESS.put("AuditLog.record", ANYONE);
        ACCESS.put("AuditLog.recent", ORGANISERS);
        ACCESS.put("AuditLog.count", ORGANISERS);
        ACCESS.put("AuditLog.forSubject", ORGANISERS);
        ACCESS.put("AuditLog.search", ORGANISERS);
        ACCESS.put("AuditLog.countMatching", ORGANISERS);
        ACCESS.put("AuditLog.searchAfter", ORGANISERS);
        ACCESS.put("AuditLog.latestId", ORGANISERS);
        ACCESS.put("AuditLog.actors", ORGANISERS);
        ACCESS.put("AuditSubjectNames.resolve", ORGANISERS);
        // edition: the public programme is public.
        ACCESS.put("EditionService.upcoming", ANYONE);
        ACCESS.put("EditionService.past", ANYONE);
        // the home page's one read of the public editions, what every visitor sees
        ACCESS.put("EditionService.publicEditions", ANYONE);
        ACCESS.put("EditionService.find", ANYONE);
        ACCESS.put("EditionService.findForNewSeat", ANYONE);
        ACCESS.put("EditionService.require", ANYONE);
        ACCESS.put("EditionService.lockForSeatChange", SIGNED_IN);
        ACCESS.put("EditionService.lockForNewSeat", SIGNED_IN);
        ACCESS.put("EditionService.page", ORGANISERS);
        ACCESS.put("EditionService.count", ORGANISERS);
        ACCESS.put("EditionService.seatCounts", ORGANISERS);
        ACCESS.put("EditionService.create", ORGANISERS);
        ACCESS.put("EditionService.update", ORGANISERS);
        ACCESS.put("EditionService.changeCapacityLocked", ORGANISERS);
        ACCESS.put("EditionService.changeStatus", ORGANISERS);
        // export: jobs belong to their owner (checked inside); the scheduled clean-up and the clean-up at start run
        // without a caller.
        ACCESS.put("AuditLogExport.start", ORGANISERS);
        ACCESS.put("ExportService.directory", ANYONE);
        ACCESS.put("ExportService.start", SIGNED_IN);
        ACCESS.put("ExportService.status", SIGNED_IN);
        ACCESS.put("ExportService.myJobs", SIGNED_IN);
        ACCESS.put("ExportService.subscribe", SIGNED_IN);
        ACCESS.put("ExportService.cancel", SIGNED_IN);
        ACCESS.put("ExportService.download", SIGNED_IN);
        ACCESS.put("ExportService.cleanupExpired", ANYONE);
        ACCESS.put("ExportService.cleanUpAfterEarlierRuns", ANYONE);
        // organisation: approved names are public (sign-up lists them); sign-up proposes new ones.
        ACCESS.put("OrganisationService.approved", ANYONE);
        ACCESS.put("OrganisationService.find", ANYONE);
        ACCESS.put("OrganisationService.findByName", ANYONE);
        ACCESS.put("OrganisationService.findAll", ANYONE);
        ACCESS.put("OrganisationService.findOrPropose", ANYONE);
        ACCESS.put("OrganisationService.all", ORGANISERS);
        ACCESS.put("OrganisationService.create", ORGANISERS);
        ACCESS.put("OrganisationService.approve", ORGANISERS);
        // mail: the scheduled sender runs without a caller. registration: seat facts are public on the edition page.
        ACCESS.put("MailOutbox.sendDue", ANYONE);
        // scheduled job without a signed-in person; deletes only what the retention period allows
        ACCESS.put("MailOutbox.purgeDelivered", ANYONE);
        ACCESS.put("MailOutbox.page", ORGANISERS);
        ACCESS.put("MailOutbox.count", ORGANISERS);
        ACCESS.put("MailOutbox.failedCount", ORGANISERS);
        ACCESS.put("RegistrationService.isConfirmed", ANYONE);
        ACCESS.put("RegistrationService.confirmedAccountIds", ANYONE);
        ACCESS.put("RegistrationService.seats", ANYONE);
        ACCESS.put("RegistrationService.register", SIGNED_IN);
        ACCESS.put("RegistrationService.newRequest", SIGNED_IN);
        ACCESS.put("RegistrationService.update", SIGNED_IN);
        ACCESS.put("RegistrationService.cancel", SIGNED_IN);
        ACCESS.put("RegistrationService.mine", SIGNED_IN);
        ACCESS.put("RegistrationService.mineFor", SIGNED_IN);
        ACCESS.put("RegistrationService.calendar", SIGNED_IN);
        ACCESS.put("RegistrationService.participantList", SIGNED_IN);
        ACCESS.put("RegistrationAdminService.page", ORGANISERS);
        ACCESS.put("RegistrationAdminService.count", ORGANISERS);
        ACCESS.put("RegistrationAdminService.countsByStatus", ORGANISERS);
        ACCESS.put("RegistrationAdminService.countsByOrganisation", ORGANISERS);
        ACCESS.put("RegistrationAdminService.receivedPerDay", ORGANISERS);
        ACCESS.put("RegistrationAdminService.visaLettersRequested", ORGANISERS);
        ACCESS.put("RegistrationAdminService.countsByCountry", ORGANISERS);
        ACCESS.put("RegistrationAdminService.cancelByOrganiser", ORGANISERS);
        ACCESS.put("RegistrationAdminService.promoteByOrganiser", ORGANISERS);
        // waiting-list offers: each person answers only their own (the service checks whose), organisers set the window
        ACCESS.put("SeatOfferService.mine", SIGNED_IN);
        ACCESS.put("SeatOfferService.accept", SIGNED_IN);
        ACCESS.put("SeatOfferService.decline", SIGNED_IN);
        ACCESS.put("SeatOfferService.offerWindow", ORGANISERS);
        ACCESS.put("SeatOfferService.changeOfferWindow", ORGANISERS);
        ACCESS.put("SeatOfferService.history", ORGANISERS);
        ACCESS.put("SeatOfferService.countHistory", ORGANISERS);
        ACCESS.put("ParticipantExportService.exportParticipants", ORGANISERS);
        // survey: building and results for analysts; answering is open (anonymous surveys), rules inside.
        for (String m : List.of("list", "count", "find", "structure", "create", "updateSettings", "changeStatus",
                "duplicate", "addSection", "editSection", "moveSection", "removeSection", "addQuestion",
                "updateQuestion", "moveQuestion", "removeQuestion")) {
            ACCESS.put("SurveyBuilderService." + m, ANALYSTS);
        }
        // survey languages: translators are analysts (issue 17 §1)
        for (String m : List.of("languages", "setBaseLanguage", "addLanguage", "removeLanguage", "setFallback", "texts",
                "saveText")) {
            ACCESS.put("SurveyTranslationService." + m, ANALYSTS);
        }
        for (String m : List.of("draftTtl", "open", "newSubmissionToken", "resumeMine", "resumeWithCode", "saveDraft",
                "submit", "purgeExpiredDrafts", "openInvitation")) {
            ACCESS.put("SurveyRespondentService." + m, ANYONE);
        }
        for (String m : List.of("structure", "versions", "count", "countUpTo", "countOfVersion", "newestResponseId",
                "forEachResponsePage", "respondents", "forgetSubmissionTokens", "baseLanguage", "tally", "rebuildTally", "textPage", "codesOnceFreeText")) {
            ACCESS.put("ResponseStore." + m, ANALYSTS);
        }
        // survey invitations and reminders (issue 17 §3): analysts and organisers only; the link itself is public
        for (String m : List.of("reminderRule", "inviteAddresses", "inviteFile", "inviteRegistrants", "counts",
                "invitations", "remind")) {
            ACCESS.put("SurveyInvitationService." + m, ANALYSTS);
        }
        // who answered an identified survey, for organisers' identity exports only
        ACCESS.put("ResponseStore.identities", ORGANISERS);
        for (String m : List.of("results", "textAnswers", "countTextAnswers")) {
            ACCESS.put("SurveyResultsService." + m, ANALYSTS);
        }
        // waves of a repeated survey and their comparison; publishing results (issue 17 §4): analysts and organisers,
        // the published page itself for anyone with its link (only suppressed counts of a closed survey, no texts)
        ACCESS.put("SurveyWaveService.newWave", ANALYSTS);
        ACCESS.put("SurveyWaveService.waves", ANALYSTS);
        ACCESS.put("WaveComparisonService.compare", ANALYSTS);
        for (String m : List.of("publish", "unpublish", "publication")) {
            ACCESS.put("PublishedResultsService." + m, ANALYSTS);
        }
        ACCESS.put("PublishedResultsService.published", ANYONE);
        // workshop
        ACCESS.put("OutcomeService.outcomes", SIGNED_IN);
        ACCESS.put("OutcomeService.canEditNow", SIGNED_IN);
        ACCESS.put("OutcomeService.history", ORGANISERS);
        ACCESS.put("OutcomeService.add", FACILITATORS);
        ACCESS.put("OutcomeService.update", FACILITATORS);
        ACCESS.put("OutcomeService.delete", FACILITATORS);
        ACCESS.put("OutcomeService.move", FACILITATORS);
        ACCESS.put("OutcomeService.submit", FACILITATORS);
        ACCESS.put("OutcomeService.restore", ORGANISERS);
        ACCESS.put("OutcomeService.approve", ORGANISERS);
        ACCESS.put("OutcomeService.lock", ORGANISERS);
        ACCESS.put("OutcomeService.unlock", ORGANISERS);
        ACCESS.put("WorkshopReportService.report", SIGNED_IN);
        ACCESS.put("WorkshopReportService.jointActions", SIGNED_IN);
        ACCESS.put("WorkshopReportService.approvedActionPoints", ORGANISERS);
        ACCESS.put("WorkshopReportService.saveJointAction", ORGANISERS);
        ACCESS.put("WorkshopReportService.exportReport", ORGANISERS);
        // the programme is as public as its edition (drafts only for organisers, decided by EditionService.find)
        ACCESS.put("ProgrammeService.programme", ANYONE);
        ACCESS.put("ProgrammeService.workshopSlots", ANYONE);
        // asked by a registration before it takes the edition's lock (which calendar the seat mail carries)
        ACCESS.put("ProgrammeService.hasSessions", SIGNED_IN);
        ACCESS.put("ProgrammeService.calendar", ANYONE);
        ACCESS.put("ProgrammeService.sessionCalendar", ANYONE);
        ACCESS.put("ProgrammeService.add", ORGANISERS);
        ACCESS.put("ProgrammeService.update", ORGANISERS);
        ACCESS.put("ProgrammeService.cancel", ORGANISERS);
        ACCESS.put("WorkshopService.groupsOf", ANYONE);
        ACCESS.put("WorkshopService.workshopSlots", ANYONE);
        ACCESS.put("MyProgrammeService.mine", SIGNED_IN);
        ACCESS.put("WorkshopService.group", SIGNED_IN);
        ACCESS.put("WorkshopService.findGroup", SIGNED_IN);
        ACCESS.put("WorkshopService.facilitatedByMe", Set.of("FACILITATOR"));
        ACCESS.put("WorkshopService.createGroup", ORGANISERS);
        ACCESS.put("WorkshopService.updateGroup", ORGANISERS);
        ACCESS.put("WorkshopService.addFacilitator", ORGANISERS);
        ACCESS.put("WorkshopService.removeFacilitator", ORGANISERS);
        // ranked choosing: organisers open it and allocate; a participant reads and writes only their own ranking
        for (String m : List.of("open", "preview", "move", "publish", "unpublish", "progress", "rankingOf", "slotFor")) {
            ACCESS.put("ChoosingService." + m, ORGANISERS);
        }
        ACCESS.put("RankingService.choosing", SIGNED_IN);
        ACCESS.put("RankingService.mine", SIGNED_IN);
        ACCESS.put("RankingService.rank", SIGNED_IN);
        // counts only, shown on the public edition page
        ACCESS.put("MembershipService.memberCounts", ANYONE);
        ACCESS.put("MembershipService.mine", SIGNED_IN);
        ACCESS.put("MembershipService.join", SIGNED_IN);
        ACCESS.put("MembershipService.leave", SIGNED_IN);
        ACCESS.put("MembershipService.move", ORGANISERS);
        ACCESS.put("MembershipService.remove", ORGANISERS);
        ACCESS.put("MembershipService.roster", FACILITATORS);
        // attendance: organisers check in; facilitators pass the gate, the service then lets only those of an edition
        // whose organisers delegated check-in (AttendanceServiceTest)
        ACCESS.put("RegistrationService.confirmedParticipants", FACILITATORS);
        ACCESS.put("AttendanceService.mayCheckIn", FACILITATORS);
        ACCESS.put("AttendanceService.points", FACILITATORS);
        ACCESS.put("AttendanceService.point", FACILITATORS);
        ACCESS.put("AttendanceService.checkInList", FACILITATORS);
        ACCESS.put("AttendanceService.mark", FACILITATORS);
        ACCESS.put("AttendanceService.unmark", FACILITATORS);
        ACCESS.put("AttendanceService.facilitatorsMayCheckIn", ORGANISERS);
        ACCESS.put("AttendanceService.letFacilitatorsCheckIn", ORGANISERS);
        ACCESS.put("AttendanceExportService.exportSheet", ORGANISERS);
        ACCESS.put("AttendanceCertificateService.myAttendedDays", SIGNED_IN);
        ACCESS.put("AttendanceCertificateService.myCertificate", SIGNED_IN);
        // messaging: organisers write to registrants and invite; an invitation link is public (the link is the secret)
        ACCESS.put("MessagingService.audienceSize", ORGANISERS);
        ACCESS.put("MessagingService.preview", ORGANISERS);
        ACCESS.put("MessagingService.send", ORGANISERS);
        ACCESS.put("MessagingService.messages", ORGANISERS);
        ACCESS.put("MessagingService.countMessages", ORGANISERS);
        ACCESS.put("MessagingService.recipientsOf", ORGANISERS);
        ACCESS.put("MessagingService.reminderDays", ORGANISERS);
        ACCESS.put("MessagingService.setReminderDays", ORGANISERS);
        ACCESS.put("InvitationService.invite", ORGANISERS);
        ACCESS.put("InvitationService.inviteFile", ORGANISERS);
        ACCESS.put("InvitationService.invitations", ORGANISERS);
        ACCESS.put("InvitationService.countInvitations", ORGANISERS);
        ACCESS.put("InvitationService.isInvitationOnly", ORGANISERS);
        ACCESS.put("InvitationService.setInvitationOnly", ORGANISERS);
        ACCESS.put("InvitationService.invitation", ANYONE);
        ACCESS.put("RegistrationService.organisationsOf", FACILITATORS);
        // visa letters: a participant reads and writes only their own request and letter (there is no parameter
        // naming another person); the template, every request and every letter are for organisers only
        for (String m : List.of("mayAsk", "mine", "saveMine", "withdrawMine", "myLetter")) {
            ACCESS.put("VisaLetterService." + m, SIGNED_IN);
        }
        for (String m : List.of("template", "saveTemplate", "requests", "count", "issue", "issueAll", "letter")) {
            ACCESS.put("VisaLetterService." + m, ORGANISERS);
        }
        // who asked, for messaging's audience filter: account ids only, organisers only
        ACCESS.put("VisaLetterRequests.askedBy", ORGANISERS);
        ACCESS.put("AccountService.findAll", ORGANISERS);
        // one's own account only
        ACCESS.put("MyAccountService.mustChangePassword", SIGNED_IN);
        ACCESS.put("MyAccountService.changePassword", SIGNED_IN);
        ACCESS.put("MyAccountService.profile", SIGNED_IN);
        ACCESS.put("MyAccountService.changeProfile", SIGNED_IN);
        ACCESS.put("SurveyExportService.exportResults", ANALYSTS);
        ACCESS.put("SurveyExportService.exportStatistics", ANALYSTS);
        ACCESS.put("FieldworkService.closedIdentified", ORGANISERS);
        ACCESS.put("FieldworkService.anonymise", ORGANISERS);
        ACCESS.put("MyDataService.exportMine", SIGNED_IN);
        ACCESS.put("MyDataService.eraseMine", SIGNED_IN);
        // the published notice is public; publishing is for organisers
        ACCESS.put("PrivacyNoticeService.current", ANYONE);
        ACCESS.put("PrivacyNoticeService.currentVersion", ANYONE);
        ACCESS.put("PrivacyNoticeService.versions", ANYONE);
        ACCESS.put("PrivacyNoticeService.version", ANYONE);
        ACCESS.put("PrivacyNoticeService.publish", ORGANISERS);
        ACCESS.put("RetentionService.set", ORGANISERS);
        ACCESS.put("RetentionService.overview", ORGANISERS);
        ACCESS.put("RetentionService.editionCount", ORGANISERS);
        ACCESS.put("RetentionService.warnings", ORGANISERS);
        // a configuration value, and the scheduled purge job, which runs without a signed-in person
        ACCESS.put("RetentionService.warningPeriod", ANYONE);
        ACCESS.put("RetentionService.defaultPeriod", ANYONE);
        ACCESS.put("RetentionService.runDue", ANYONE);
        // the organisers' dashboard and the survey figures it reads (open surveys, published counts only)
        ACCESS.put("DashboardService.dashboard", ORGANISERS);
        ACCESS.put("DashboardService.edition", ORGANISERS);
        ACCESS.put("SurveyOverview.openSurveys", ORGANISERS);
        ACCESS.put("SurveyBuilderService.open", ANALYSTS);
    }

    @Autowired ApplicationContext context;
    @Autowired AccountFixtures fixtures;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** Public methods declared by the application's own services, by "Class.method". */
    private Map<String, List<Method>> entryPoints() {
        Map<String, List<Method>> found = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.ngoplatform")) {
                continue;
            }
            Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                    .filter(m -> !m.isSynthetic() && !m.isBridge())
                    .forEach(m -> found.computeIfAbsent(type.getSimpleName() + "." + m.getName(), k -> new ArrayList<>()).add(m));
        }
        return found;
    }

    @Test
    void every_public_service_method_is_in_the_table_and_nothing_else() {
        assertThat(new TreeSet<>(entryPoints().keySet()))
                .as("public service methods (add new ones to ACCESS with a decision)")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(ACCESS.keySet()));
    }

    @Test
    void every_service_entry_point_lets_in_exactly_whom_the_table_says() {
        Map<String, AccountPrincipal> principals = new LinkedHashMap<>();
        for (String who : CALLERS) {
            principals.put(who, who.equals(ANONYMOUS) ? null : fixtures.create(Role.valueOf(who)));
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<Method>> entryPoints = entryPoints();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            for (Map.Entry<String, List<Method>> entry : entryPoints.entrySet()) {
                if (!entry.getKey().startsWith(type.getSimpleName() + ".")) {
                    continue;
                }
                Set<String> allowed = ACCESS.get(entry.getKey());
                if (allowed == null) {
                    continue; // reported by the completeness test
                }
                for (Method method : entry.getValue()) {
                    for (String who : CALLERS) {
                        if (principals.get(who) == null) {
                            AccountFixtures.signOut();
                        } else {
                            AccountFixtures.signIn(principals.get(who));
                        }
                        Outcome expected = allowed.contains(who) ? Outcome.ALLOWED
                                : who.equals(ANONYMOUS) ? Outcome.NO_AUTHENTICATION : Outcome.ACCESS_DENIED;
                        Outcome actual = call(bean, method);
                        if (actual != expected) {
                            problems.add(entry.getKey() + Arrays.toString(method.getParameterTypes()) + " as " + who
                                    + ": expected " + expected + " but was " + actual);
                        }
                    }
                }
            }
        }
        AccountFixtures.signOut();
        assertThat(problems).isEmpty();
    }

    /**
     * An action no audit event has: an audit-log export past the gate then writes an empty sheet. With the neutral
     * null ("no filter") each of its three entry points started a background export of the whole shared audit log
     * (every test run's events), 19 s in the calls alone and a busy core for the tests after.
     */
    private static final String NO_SUCH_ACTION = "NO_SUCH_ACTION_FOR_THE_ACCESS_MATRIX";

    private static Outcome call(Object bean, Method method) {
        boolean auditExport = AopUtils.getTargetClass(bean) == org.ngoplatform.audit.AuditLogExport.class;
        Object[] args = Arrays.stream(method.getParameterTypes())
                .map(type -> auditExport && type == String.class ? NO_SUCH_ACTION
                        : auditExport && type == org.ngoplatform.audit.AuditFilter.class ? org.ngoplatform.audit.AuditFilter.action(NO_SUCH_ACTION)
                        : neutral(type))
                .toArray();
        try {
            method.invoke(bean, args);
            return Outcome.ALLOWED;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthorizationDeniedException) {
                return Outcome.ACCESS_DENIED;
            }
            if (cause instanceof AuthenticationCredentialsNotFoundException) {
                return Outcome.NO_AUTHENTICATION;
            }
            return Outcome.ALLOWED; // past the gate: the method's own rules refused the neutral arguments
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object neutral(Class<?> type) {
        if (!type.isPrimitive()) return null;
        if (type == boolean.class) return false;
        if (type == char.class) return '\0';
        if (type == byte.class) return (byte) 0;
        if (type == short.class) return (short) 0;
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == float.class) return 0f;
        return 0d;
    }
}
