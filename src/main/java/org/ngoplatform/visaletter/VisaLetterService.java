package org.ngoplatform.visaletter;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.OffsetPageable;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.edition.EditionSummary;
import org.ngoplatform.registration.MyRegistration;
import org.ngoplatform.registration.RegistrationService;
import org.ngoplatform.registration.RegistrationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Visa invitation letters. A participant gives, changes or withdraws the details for their own registration of an
 * edition (only while it is confirmed or waiting) and downloads their own letter once issued; nothing here lets a
 * participant name another person. Organisers write the edition's template and list, issue and download every
 * letter of the edition. Every letter issued or downloaded is audited (subject the participant's account).
 */
@Service
public class VisaLetterService {

    private final VisaLetterRequestRepository requests;
    private final VisaLetterTemplateRepository templates;
    private final EditionService editions;
    private final RegistrationService registrations;
    private final AuditLog audit;
    private final Translator translator;
    private final Clock clock;

    VisaLetterService(VisaLetterRequestRepository requests, VisaLetterTemplateRepository templates,
                      EditionService editions, RegistrationService registrations, AuditLog audit,
                      Translator translator, Clock clock) {
        this.requests = requests;
        this.templates = templates;
        this.editions = editions;
        this.registrations = registrations;
        this.audit = audit;
        this.translator = translator;
        this.clock = clock;
    }

    // ---- the participant's own request -------------------------------------------------------------------

    /** Whether the signed-in person may ask for a letter: their registration of the edition is confirmed or waiting. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mayAsk(long editionId) {
        return registrations.mineFor(editionId).map(MyRegistration::status)
                .filter(s -> s == RegistrationStatus.CONFIRMED || s == RegistrationStatus.WAITLISTED).isPresent();
    }

    /** The signed-in person's own request at the edition, if they made one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<VisaLetterRequestSummary> mine(long editionId) {
        return requests.findByEditionIdAndAccountId(editionId, CurrentAccount.requireId()).map(VisaLetterRequestSummary::of);
    }

    /** Asks for a letter with these details, or changes them; an issued letter then needs issuing again. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public VisaLetterRequestSummary saveMine(long editionId, VisaDetailsForm details) {
        Map<String, String> problems = VisaLetterRules.detailProblems(details, today(editionId));
        if (!problems.isEmpty()) {
            var first = problems.entrySet().iterator().next();
            throw new VisaLetterRejectedException(first.getKey(), first.getValue());
        }
        if (!mayAsk(editionId)) {
            throw new VisaLetterRejectedException("registration", "visaletter.no-registration");
        }
        long me = CurrentAccount.requireId();
        Instant now = clock.instant();
        Optional<VisaLetterRequest> existing = requests.findByEditionIdAndAccountId(editionId, me);
        if (existing.isEmpty()) {
            VisaLetterRequest created = requests.saveAndFlush(new VisaLetterRequest(editionId, me, details, now));
            audit.record("VISA_LETTER_REQUESTED", "account:" + me, "edition:" + editionId);
            return VisaLetterRequestSummary.of(created);
        }
        VisaLetterRequest r = existing.get();
        if (r.apply(details, now)) {
            audit.record("VISA_LETTER_DETAILS_CHANGED", "account:" + me, "edition:" + editionId);
        }
        return VisaLetterRequestSummary.of(requests.saveAndFlush(r));
    }

    /** Withdraws the signed-in person's request: the details and any issued letter are deleted. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean withdrawMine(long editionId) {
        long me = CurrentAccount.requireId();
        boolean deleted = requests.deleteOf(editionId, me) > 0;
        if (deleted) {
            audit.record("VISA_LETTER_WITHDRAWN", "account:" + me, "edition:" + editionId);
        }
        return deleted;
    }

    /** The signed-in person's letter as last issued; empty before it is issued. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Optional<VisaLetterFile> myLetter(long editionId) {
        return requests.findByEditionIdAndAccountId(editionId, CurrentAccount.requireId())
                .filter(r -> r.getIssuedText() != null).map(this::download);
    }

    // ---- organisers ----------------------------------------------------------------------------------------

    /** The edition's template, or (nothing kept yet) the suggested text in {@code locale}. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public VisaLetterTemplateSummary template(long editionId, Locale locale) {
        return templates.findById(editionId)
                .map(t -> new VisaLetterTemplateSummary(editionId, t.getBody(), t.getLanguage(), true))
                .orElseGet(() -> {
                    String language = locale == null || !VisaLetterRules.LANGUAGES.contains(locale.getLanguage())
                            ? "en" : locale.getLanguage();
                    return new VisaLetterTemplateSummary(editionId,
                            translator.translate("visaletter.template.default", Locale.of(language)), language, false);
                });
    }

    /** Keeps the edition's template; refused (nothing kept) when too long, or naming a placeholder that does not exist. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public VisaLetterTemplateSummary saveTemplate(long editionId, String body, String language) {
        VisaLetterRejectedException problem = VisaLetterRules.templateProblem(body, language);
        if (problem != null) {
            throw problem;
        }
        requireEdition(editionId);
        VisaLetterTemplate t = templates.findById(editionId).orElseGet(() -> new VisaLetterTemplate(editionId));
        t.change(body, language, CurrentAccount.requireId(), clock.instant());
        templates.saveAndFlush(t);
        audit.record("VISA_LETTER_TEMPLATE_CHANGED", "edition:" + editionId, null);
        return new VisaLetterTemplateSummary(editionId, t.getBody(), t.getLanguage(), true);
    }

    /** A page of the edition's requests, by name. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public List<VisaLetterRequestSummary> requests(long editionId, int offset, int limit) {
        return requests.findByEditionIdOrderByFullNameAscIdAsc(editionId, OffsetPageable.of(offset, limit))
                .stream().map(VisaLetterRequestSummary::of).toList();
    }

    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional(readOnly = true)
    public long count(long editionId) {
        return requests.countByEditionId(editionId);
    }

    /** Issues (or issues again) one letter from the edition's template. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public VisaLetterRequestSummary issue(long requestId) {
        VisaLetterRequest r = requests.findById(requestId)
                .orElseThrow(() -> new VisaLetterRejectedException("request", "visaletter.request.gone"));
        EditionSummary edition = requireEdition(r.getEditionId());
        VisaLetterTemplate template = requireTemplate(r.getEditionId());
        issue(r, edition, template);
        return VisaLetterRequestSummary.of(r);
    }

    /** Issues a letter to everyone of the edition who asked and has none for their current details; how many. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public int issueAll(long editionId) {
        EditionSummary edition = requireEdition(editionId);
        VisaLetterTemplate template = requireTemplate(editionId);
        int issued = 0;
        for (VisaLetterRequest r : requests.findByEditionIdOrderByIdAsc(editionId)) {
            if (r.status() != VisaLetterStatus.ISSUED) {
                issue(r, edition, template);
                issued++;
            }
        }
        return issued;
    }

    /** One participant's letter as last issued, for organisers; empty before it is issued. */
    @PreAuthorize("hasRole('ORGANISER')")
    @Transactional
    public Optional<VisaLetterFile> letter(long requestId) {
        return requests.findById(requestId).filter(r -> r.getIssuedText() != null).map(this::download);
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private void issue(VisaLetterRequest r, EditionSummary edition, VisaLetterTemplate template) {
        String letter = VisaLetterRules.fill(template.getBody(), values(r, edition, Locale.of(template.getLanguage())));
        if (letter.length() > VisaLetterRules.LETTER_MAX) {
            throw new VisaLetterRejectedException("body", "visaletter.letter.too-long");
        }
        r.issue(letter, clock.instant());
        requests.saveAndFlush(r);
        audit.record("VISA_LETTER_ISSUED", "account:" + r.getAccountId(), "edition:" + r.getEditionId());
    }

    private Map<String, String> values(VisaLetterRequest r, EditionSummary e, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Map<String, String> v = new HashMap<>();
        v.put("name", r.getFullName());
        v.put("nationality", r.getNationality());
        v.put("passport", r.getPassportNumber());
        v.put("birthDate", date.format(r.getDateOfBirth()));
        v.put("consulateCity", r.getConsulateCity());
        v.put("edition", e.title());
        v.put("city", e.city());
        v.put("venue", e.venue() == null ? "" : e.venue());
        v.put("startDate", e.startsOn() == null ? "" : date.format(e.startsOn()));
        v.put("endDate", e.endsOn() == null ? "" : date.format(e.endsOn()));
        v.put("today", date.format(LocalDate.now(clock.withZone(ZoneId.of(e.timeZone())))));
        return v;
    }

    private VisaLetterFile download(VisaLetterRequest r) {
        audit.record("VISA_LETTER_DOWNLOADED", "account:" + r.getAccountId(), "edition:" + r.getEditionId());
        String edition = editions.find(r.getEditionId()).map(e -> e.city() + "-" + e.year()).orElse("edition");
        return new VisaLetterFile("visa-letter-" + edition.replaceAll("[^\\p{L}\\p{N}-]", "_") + "-" + r.getId() + ".docx",
                VisaLetterWriter.write(r.getIssuedText()));
    }

    private EditionSummary requireEdition(long editionId) {
        return editions.find(editionId).orElseThrow(() -> new AccessDeniedException("No such edition"));
    }

    private VisaLetterTemplate requireTemplate(long editionId) {
        return templates.findById(editionId)
                .orElseThrow(() -> new VisaLetterRejectedException("body", "visaletter.template.missing"));
    }

    private LocalDate today(long editionId) {
        ZoneId zone = editions.find(editionId).map(e -> ZoneId.of(e.timeZone())).orElse(ZoneId.of("UTC"));
        return LocalDate.now(clock.withZone(zone));
    }
}
