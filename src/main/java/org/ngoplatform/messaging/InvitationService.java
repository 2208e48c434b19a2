package org.ngoplatform.messaging;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.mail.MailLanguage;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Invitations to register for an edition: an organiser's list of addresses (pasted, or an uploaded CSV), read by the
 * one rule {@link InvitationList}; each new address gets a mail with its own link (in the language the organiser
 * chose: an invited person has no account yet, so no language of their own), which pre-fills the address on sign-up.
 * A list with any wrong address, over a limit or in a broken encoding is refused whole, nothing written. An edition
 * can be limited to invited addresses ({@link InvitationGate}, asked by registration).
 */
@Service
public class InvitationService {

    private final MessagingStore store;
    private final EditionService editions;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    InvitationService(MessagingStore store, EditionService editions, ApplicationEventPublisher events, AuditLog audit,
                      Clock clock, @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.editions = editions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Invites every new address of a pasted list; mails in {@code language} (en, de, ru; else English). */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public InvitationResult invite(long editionId, String list, String language) {
        EditionSummary edition = editions.require(editionId);
        InvitationList.Parsed parsed = InvitationList.parse(list);
        if (!parsed.mistakes().isEmpty()) {
            throw new InvitationsRejectedException(parsed.mistakes());
        }
        Locale locale = MailLanguage.of(language);
        Set<String> already = store.invitedAddresses(editionId);
        int invited = 0;
        Long by = CurrentAccount.requireId();
        for (String address : parsed.addresses()) {
            if (already.contains(address)) {
                continue;
            }
            String token = token();
            store.insertInvitation(editionId, address, token, by, clock.instant());
            events.publishEvent(new MailRequested(address, locale, MailTemplate.MESSAGING_INVITATION, edition.title(),
                    dates(edition, locale), link(token)));
            invited++;
        }
        int skipped = parsed.addresses().size() - invited;
        audit.record("INVITATIONS_SENT", "edition:" + editionId, "invited=" + invited + ", already=" + skipped
                + ", duplicates=" + parsed.duplicates());
        return new InvitationResult(invited, skipped, parsed.duplicates());
    }

    /** As {@link #invite(long, String, String)} for an uploaded file, refused unless UTF-8 and small enough. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public InvitationResult inviteFile(long editionId, byte[] file, String language) {
        if (file == null) {
            throw new MessagingRejectedException("invitations", "messaging.invitations.empty");
        }
        return invite(editionId, InvitationList.decode(file), language);
    }

    /** The edition's invited addresses, newest first. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<InvitationSummary> invitations(long editionId, int offset, int limit) {
        OffsetPageable page = OffsetPageable.of(offset, limit);
        return store.invitations(editionId, (int) page.getOffset(), page.getPageSize());
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long countInvitations(long editionId) {
        return store.countInvitations(editionId);
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public boolean isInvitationOnly(long editionId) {
        return store.settings(editionId).invitationOnly();
    }

    /** Limits registration to invited addresses, or opens it again; audited. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public void setInvitationOnly(long editionId, boolean only) {
        editions.require(editionId);
        var current = store.settings(editionId);
        store.saveSettings(editionId, new MessagingStore.Settings(current.reminderDays(), only));
        audit.record("INVITATION_ONLY_SET", "edition:" + editionId, only ? "on" : "off");
    }

    /**
     * The invitation a link names (the address it was sent to and its edition); empty for a link that is none. Public:
     * the link is the secret, and it shows only the address it was sent to.
     */
    @Transactional(readOnly = true)
    public Optional<InvitationSummary> invitation(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return store.invitation(token.strip()).filter(i -> editions.find(i.editionId()).isPresent());
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String link(String token) {
        return publicUrl + "/invitation?t=" + token;
    }

    private static String dates(EditionSummary edition, Locale locale) {
        if (edition.startsOn() == null) {
            return String.valueOf(edition.year());
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return f.format(edition.startsOn()) + (edition.endsOn() == null || edition.endsOn().equals(edition.startsOn())
                ? "" : " – " + f.format(edition.endsOn()));
    }
}
