package org.ngoplatform.messaging;

import jakarta.validation.Validator;
import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.account.MailContact;
import org.ngoplatform.account.MailContacts;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.Validation;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailReference;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.ngoplatform.registration.RegistrantSummary;
import org.ngoplatform.registration.Registrants;
import org.ngoplatform.workshop.MembershipService;
import org.ngoplatform.workshop.WorkshopGroupSummary;
import org.ngoplatform.workshop.WorkshopService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Organisers' messages to an edition's registrants: how many a filter reaches, one mail as its first recipient will
 * read it, and the send, which keeps the message with its audience and queues one mail per recipient through the
 * outbox (in the recipient's language around the organiser's own words). The audience is always computed here from
 * the filter ({@link Audience}), never taken from a client. Also the edition's reminder setting.
 */
@Service
public class MessagingService {

    /** The most days before an edition a reminder can be set to go out. */
    public static final int REMINDER_DAYS_MAX = 60;

    private final MessagingStore store;
    private final Registrants registrants;
    private final MembershipService memberships;
    private final WorkshopService workshops;
    private final ObjectProvider<VisaLetterRequests> visaLetters;
    private final EditionService editions;
    private final MailContacts contacts;
    private final Translator translator;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Validator validator;
    private final Clock clock;
    private final String publicUrl;

    MessagingService(MessagingStore store, Registrants registrants, MembershipService memberships, WorkshopService workshops,
                     ObjectProvider<VisaLetterRequests> visaLetters, EditionService editions, MailContacts contacts,
                     Translator translator, ApplicationEventPublisher events, AuditLog audit, Validator validator, Clock clock,
                     @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.registrants = registrants;
        this.memberships = memberships;
        this.workshops = workshops;
        this.visaLetters = visaLetters;
        this.editions = editions;
        this.contacts = contacts;
        this.translator = translator;
        this.events = events;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** How many people the filter reaches now. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public int audienceSize(long editionId, AudienceFilter filter) {
        return audience(editions.require(editionId), filter).size();
    }

    /** The mail the filter's first recipient would get, in their language; empty when the filter reaches nobody. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<MailPreview> preview(long editionId, AudienceFilter filter, MessageForm form) {
        EditionSummary edition = editions.require(editionId);
        checkForm(form);
        return audience(edition, filter).stream().findFirst().map(r -> {
            Object[] params = params(form, edition);
            Locale locale = localeOf(r);
            return new MailPreview(r.email(), translator.translate(MailTemplate.MESSAGING_MESSAGE.subjectKey(), locale, params),
                    translator.translate(MailTemplate.MESSAGING_MESSAGE.bodyKey(), locale, params));
        });
    }

    /**
     * Sends the message to everyone the filter reaches now: kept with its audience, one mail per address queued in
     * this transaction, audited. Refused (nothing written) when the form or filter is broken or reaches nobody.
     */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public MessageSummary send(long editionId, AudienceFilter filter, MessageForm form) {
        EditionSummary edition = editions.require(editionId);
        checkForm(form);
        List<RegistrantSummary> to = audience(edition, filter);
        if (to.isEmpty()) {
            throw new MessagingRejectedException("statuses", "messaging.audience-empty");
        }
        String subject = form.getSubject().strip();
        String body = form.getBody().strip();
        String described = AudienceText.encode(filter, groupTitle(edition, filter));
        long messageId = store.insertMessage(editionId, MessageKind.MESSAGE, subject, body, described, to.size(),
                CurrentAccount.requireId(), clock.instant());
        Object[] params = params(form, edition);
        for (RegistrantSummary r : to) {
            long recipient = store.insertRecipient(messageId, r.accountId(), r.email().strip());
            events.publishEvent(new MailRequested(r.email().strip(), localeOf(r), MailTemplate.MESSAGING_MESSAGE, params)
                    .withReference(MailDeliveryFollower.reference(recipient)));
        }
        audit.record("MESSAGE_SENT", "edition:" + editionId, "message=" + messageId + ", recipients=" + to.size()
                + ", audience=" + described.replace('\n', ' '));
        return store.message(messageId).orElseThrow();
    }

    /** The edition's kept messages (organisers' and automatic), newest first, with their counts. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<MessageSummary> messages(long editionId, int offset, int limit) {
        OffsetPageable page = OffsetPageable.of(offset, limit);
        return store.messages(editionId, (int) page.getOffset(), page.getPageSize());
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long countMessages(long editionId) {
        return store.countMessages(editionId);
    }

    /** The addresses a kept message went to. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<String> recipientsOf(long messageId) {
        return store.recipientsOf(messageId);
    }

    /** Days before the edition's first day its reminder goes out; empty: no reminder. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public Optional<Integer> reminderDays(long editionId) {
        return Optional.ofNullable(store.settings(editionId).reminderDays());
    }

    /** Sets (1 to {@value #REMINDER_DAYS_MAX}) or clears (null) the edition's reminder; audited. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public void setReminderDays(long editionId, Integer days) {
        editions.require(editionId);
        if (days != null && (days < 1 || days > REMINDER_DAYS_MAX)) {
            throw new MessagingRejectedException("reminderDays", "messaging.reminder-days-range");
        }
        var current = store.settings(editionId);
        store.saveSettings(editionId, new MessagingStore.Settings(days, current.invitationOnly()));
        audit.record("MESSAGE_REMINDER_SET", "edition:" + editionId, days == null ? "off" : "days=" + days);
    }

    // ---------------------------------------------------------------- internals

    private List<RegistrantSummary> audience(EditionSummary edition, AudienceFilter filter) {
        checkFilter(filter);
        Set<Long> members = Set.of();
        if (filter.groupId() != null) {
            group(edition, filter.groupId());
            members = memberships.roster(filter.groupId()).stream().map(MembershipService.MemberSummary::accountId)
                    .collect(Collectors.toSet());
        }
        Set<Long> visa = Set.of();
        if (filter.visaLetterOnly()) {
            // Asked = ticked "I need a visa invitation letter" when registering, or gave the letter's details since:
            // a message "please send us your passport details" must reach those who ticked the box and have not.
            visa = registrants.of(edition.id()).stream().filter(RegistrantSummary::visaLetter)
                    .map(RegistrantSummary::accountId).collect(Collectors.toCollection(HashSet::new));
            VisaLetterRequests requests = visaLetters.getIfUnique();
            if (requests != null) {
                visa.addAll(requests.askedBy(edition.id()));
            }
        }
        return Audience.select(registrants.of(edition.id()), filter, members, visa);
    }

    private String groupTitle(EditionSummary edition, AudienceFilter filter) {
        return filter.groupId() == null ? null : group(edition, filter.groupId()).title();
    }

    /** The edition's group with this id; refused when it is none of the edition's. */
    private WorkshopGroupSummary group(EditionSummary edition, long groupId) {
        return workshops.findGroup(groupId).filter(g -> g.editionId() == edition.id())
                .orElseThrow(() -> new MessagingRejectedException("group", "messaging.group-unknown"));
    }

    private static void checkFilter(AudienceFilter filter) {
        if (filter == null || filter.statuses().isEmpty()) {
            throw new MessagingRejectedException("statuses", "messaging.statuses-required");
        }
        if (filter.organisation() != null && filter.organisation().length() > AudienceFilter.ORGANISATION_MAX) {
            throw new MessagingRejectedException("organisation", "validation.too-long");
        }
        if (filter.countryCode() != null && !filter.countryCode().matches("[A-Za-z]{2}")) {
            throw new MessagingRejectedException("country", "messaging.country-unknown");
        }
    }

    private void checkForm(MessageForm form) {
        if (form == null) {
            throw new MessagingRejectedException("subject", "validation.required");
        }
        Validation.requireValid(validator, form, List.of("subject", "body"),
                v -> new MessagingRejectedException(Validation.field(v), Validation.messageKey(v)));
        if (form.getSubject().strip().contains("\n") || form.getSubject().strip().contains("\r")) {
            throw new MessagingRejectedException("subject", "messaging.subject-one-line");
        }
    }

    private Object[] params(MessageForm form, EditionSummary edition) {
        return new Object[]{form.getSubject().strip(), form.getBody().strip(), edition.title(), publicUrl + "/editions/" + edition.id()};
    }

    private Locale localeOf(RegistrantSummary r) {
        return contacts.of(r.accountId()).map(MailContact::locale).orElse(Locale.ENGLISH);
    }
}
