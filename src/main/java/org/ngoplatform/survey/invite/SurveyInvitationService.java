package org.ngoplatform.survey.invite;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.MailContacts;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.mail.MailLanguage;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.ngoplatform.registration.RegistrantSummary;
import org.ngoplatform.registration.Registrants;
import org.ngoplatform.registration.RegistrationStatus;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Survey invitations and reminders (issue 17 §3). An analyst or organiser invites a list of people, pasted or
 * uploaded ({@link AddressList}: a list with any wrong line is refused whole, its lines named) or the registrants of
 * an edition (through registration's {@code Registrants}, in each account's own mail language); each new address
 * gets a mail with its own link ({@code s/<key>?invitation=<secret>}, only the secret's hash stored). Reminders go to
 * those who have not answered ({@link ReminderRule}) with a new link each. Against misuse as a mail cannon: only
 * these two roles, only an open survey, at most {@link AddressList#MAX_ADDRESSES} addresses a list, and at most
 * {@code ngo.survey.invitations.mails-per-hour-per-sender} (and over everyone {@code ngo.survey.invitations.mails-per-hour})
 * mails an hour; mails carry only the survey's title (written by an analyst) and the link. Every run is audited.
 */
@Service
public class SurveyInvitationService {

    private final InvitationStore store;
    private final Registrants registrants;
    private final MailContacts contacts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    private final ReminderRule reminders;
    private final int perSenderPerHour;
    private final int perHour;
    private final SecureRandom random = new SecureRandom();

    SurveyInvitationService(InvitationStore store, Registrants registrants, MailContacts contacts,
                            ApplicationEventPublisher events, AuditLog audit, Clock clock,
                            @Value("${ngo.public-url:http://localhost:8080}") String publicUrl,
                            @Value("${ngo.survey.invitations.max-reminders:3}") int maxReminders,
                            @Value("${ngo.survey.invitations.reminder-gap:PT48H}") Duration reminderGap,
                            @Value("${ngo.survey.invitations.mails-per-hour-per-sender:600}") int perSenderPerHour,
                            @Value("${ngo.survey.invitations.mails-per-hour:2000}") int perHour) {
        this.store = store;
        this.registrants = registrants;
        this.contacts = contacts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.reminders = new ReminderRule(maxReminders, reminderGap);
        this.perSenderPerHour = perSenderPerHour;
        this.perHour = perHour;
    }

    /** The reminder rule in force (the view tells it). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    public ReminderRule reminderRule() {
        return reminders;
    }

    /** Invites every new address of a pasted list; mails in {@code language} (en, de, ru; else English). */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public InvitationResult inviteAddresses(long surveyId, String list, String language) {
        AddressList.Parsed parsed = AddressList.parse(list);
        if (!parsed.mistakes().isEmpty()) {
            throw new AddressesRejectedException(parsed.mistakes());
        }
        Locale locale = MailLanguage.of(language);
        Map<String, Locale> people = new LinkedHashMap<>();
        parsed.addresses().forEach(a -> people.put(a, locale));
        return invite(surveyId, people, parsed.duplicates(), "list");
    }

    /** As {@link #inviteAddresses} for an uploaded file, refused unless UTF-8 and small enough. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public InvitationResult inviteFile(long surveyId, byte[] file, String language) {
        return inviteAddresses(surveyId, AddressList.decode(file), language);
    }

    /**
     * Invites the registrants of an edition whose registration has one of {@code statuses}, each in their account's
     * mail language. The audience is computed here, never from a list the client sent.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public InvitationResult inviteRegistrants(long surveyId, long editionId, Set<RegistrationStatus> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            throw new InvitationRejectedException("statuses", "survey.invite.no-status");
        }
        Map<String, Locale> people = new LinkedHashMap<>();
        int duplicates = 0;
        for (RegistrantSummary r : registrants.of(editionId)) {
            if (!statuses.contains(r.status()) || r.email() == null) {
                continue;
            }
            String email = r.email().strip().toLowerCase(Locale.ROOT);
            Locale locale = contacts.of(r.accountId()).map(c -> c.locale()).orElse(Locale.ENGLISH);
            if (people.putIfAbsent(email, MailLanguage.supported(locale)) != null) {
                duplicates++;
            }
        }
        if (people.isEmpty()) {
            throw new InvitationRejectedException("edition", "survey.invite.no-registrants");
        }
        if (people.size() > AddressList.MAX_ADDRESSES) {
            throw new InvitationRejectedException("edition", "survey.invite.too-many", AddressList.MAX_ADDRESSES);
        }
        return invite(surveyId, people, duplicates, "edition:" + editionId);
    }

    /** Counts for the invitations view. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public InvitationCounts counts(long surveyId) {
        SurveyAnonymity anonymity = anonymity(surveyId);
        boolean anonymous = anonymity == SurveyAnonymity.ANONYMOUS;
        long invited = store.countAll(surveyId);
        long started = store.count(surveyId, anonymous ? List.of(InvitationState.OPENED, InvitationState.USED)
                : List.of(InvitationState.OPENED));
        Long completed = anonymous ? null : store.count(surveyId, List.of(InvitationState.USED));
        Instant now = clock.instant();
        long remindable = store.countDue(surveyId, reminders.states(anonymity), reminders.maxReminders(),
                reminders.lastMailedBefore(now));
        return new InvitationCounts(anonymous, invited, started, completed, remindable);
    }

    /** The survey's invitations, newest first, each with the status it may show. */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional(readOnly = true)
    public List<SurveyInvitationSummary> invitations(long surveyId, int offset, int limit) {
        SurveyAnonymity anonymity = anonymity(surveyId);
        OffsetPageable page = OffsetPageable.of(offset, limit);
        return store.page(surveyId, anonymity, (int) page.getOffset(), page.getPageSize());
    }

    /**
     * Sends a reminder, with a new personal link, to everyone the {@link ReminderRule} names now; audited. Refused
     * when nobody is due or the hourly limit would be passed. Returns how many were reminded.
     */
    @PreAuthorize("hasAnyRole('ANALYST','ORGANISER')")
    @Transactional
    public int remind(long surveyId) {
        InvitationStore.SurveyRow survey = openSurvey(surveyId);
        Instant now = clock.instant();
        List<InvitationStore.DueRow> due = store.due(surveyId, reminders.states(survey.anonymity()),
                reminders.maxReminders(), reminders.lastMailedBefore(now));
        if (due.isEmpty()) {
            throw new InvitationRejectedException("remind", "survey.invite.nobody-due");
        }
        Long by = CurrentAccount.requireId();
        requireWithinHourlyLimits(by, due.size(), now);
        for (InvitationStore.DueRow row : due) {
            String token = token();
            store.reminded(row.id(), InvitationLinks.hash(token), now);
            events.publishEvent(new MailRequested(row.email(), MailLanguage.of(row.language()),
                    MailTemplate.SURVEY_REMINDER, survey.title(), link(survey.publicKey(), token)));
        }
        store.insertBatch(surveyId, by, now, due.size());
        audit.record("SURVEY_REMINDERS_SENT", "survey:" + surveyId, "reminded=" + due.size());
        return due.size();
    }

    private InvitationResult invite(long surveyId, Map<String, Locale> people, int duplicates, String source) {
        InvitationStore.SurveyRow survey = openSurvey(surveyId);
        Set<String> already = store.invitedAmong(surveyId, people.keySet());
        List<Map.Entry<String, Locale>> fresh = new ArrayList<>();
        people.entrySet().stream().filter(e -> !already.contains(e.getKey())).forEach(fresh::add);
        Instant now = clock.instant();
        Long by = CurrentAccount.requireId();
        requireWithinHourlyLimits(by, fresh.size(), now);
        for (Map.Entry<String, Locale> person : fresh) {
            String token = token();
            store.insert(surveyId, person.getKey(), person.getValue().getLanguage(), InvitationLinks.hash(token), by, now);
            events.publishEvent(new MailRequested(person.getKey(), person.getValue(), MailTemplate.SURVEY_INVITATION,
                    survey.title(), link(survey.publicKey(), token)));
        }
        if (!fresh.isEmpty()) {
            store.insertBatch(surveyId, by, now, fresh.size());
        }
        int skipped = people.size() - fresh.size();
        audit.record("SURVEY_INVITATIONS_SENT", "survey:" + surveyId, "source=" + source + ", invited=" + fresh.size()
                + ", already=" + skipped + ", duplicates=" + duplicates);
        return new InvitationResult(fresh.size(), skipped, duplicates);
    }

    /** The survey under its row lock (one invitation run at a time per survey); only an open survey invites. */
    private InvitationStore.SurveyRow openSurvey(long surveyId) {
        InvitationStore.SurveyRow survey = store.lockSurvey(surveyId)
                .orElseThrow(() -> new InvitationRejectedException("survey", "survey.error.not-found"));
        if (survey.status() != SurveyStatus.OPEN) {
            throw new InvitationRejectedException("survey", "survey.invite.not-open");
        }
        return survey;
    }

    private SurveyAnonymity anonymity(long surveyId) {
        return store.anonymity(surveyId).orElseThrow(() -> new InvitationRejectedException("survey", "survey.error.not-found"));
    }

    private void requireWithinHourlyLimits(Long by, int mails, Instant now) {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (store.mailsSince(hourAgo, by) + mails > perSenderPerHour || store.mailsSince(hourAgo, null) + mails > perHour) {
            throw new InvitationRejectedException("addresses", "survey.invite.hourly-limit", perSenderPerHour);
        }
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String link(String publicKey, String token) {
        return publicUrl + "/s/" + publicKey + "?invitation=" + token;
    }
}
