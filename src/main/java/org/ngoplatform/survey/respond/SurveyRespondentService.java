package org.ngoplatform.survey.respond;

import org.ngoplatform.account.CurrentAccount;
import org.ngoplatform.survey.AnswerValue;
import org.ngoplatform.survey.SurveyAnonymity;
import org.ngoplatform.survey.SurveyAudience;
import org.ngoplatform.survey.SurveyRejectedException;
import org.ngoplatform.survey.SurveyStatus;
import org.ngoplatform.survey.SurveyStructure;
import org.ngoplatform.survey.design.Survey;
import org.ngoplatform.survey.SurveyTexts;
import org.ngoplatform.survey.design.SurveyRepository;
import org.ngoplatform.survey.design.SurveyTranslations;
import org.ngoplatform.survey.design.SurveyVersion;
import org.ngoplatform.survey.design.SurveyVersionRepository;
import org.ngoplatform.survey.SurveyResponseArrived;
import org.ngoplatform.survey.invite.InvitationLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answering a survey: open it by its public key, save and resume a draft, submit all answers at once.
 * <p>
 * For an anonymous survey nothing written here identifies the respondent: the response row holds the survey
 * version and the ISO week only, drafts are found by the hash of a random resume code (never by account),
 * and duplicate submissions are stopped by a one-time token the browser session holds, stored only as a
 * hash and not linked to the response. An identified survey also writes the account to
 * {@code survey_response_identity}.
 * <p>
 * A personal link ({@code invite}) answers without signing in, once: its invitation is claimed under its row lock in
 * the submit transaction. For an anonymous survey the invitation is only marked used ({@link InvitationLinks#use});
 * an identified survey's response records the invitation instead of an account. Drafts of a personal link are kept
 * by resume code, as anonymous ones are.
 */
@Service
public class SurveyRespondentService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    /** Longest resume code input looked up: 12 characters, dashes and some spaces around them. */
    public static final int RESUME_CODE_INPUT_MAX = 20;

    /**
     * What a respondent needs to answer, or why they cannot: the structure in {@code language}, the languages offered
     * (base language first) and the keys of texts shown in the base language because their translation is missing.
     */
    public record OpenSurvey(SurveyStructure structure, SurveyStatus status, boolean acceptsAnswers,
                             boolean signInRequired, boolean full, String language, List<String> languages,
                             Set<String> fallbacks) {
        public boolean identified() {
            return structure.anonymity() == SurveyAnonymity.IDENTIFIED;
        }
    }

    /** Answers saved earlier, to continue from {@code pageIndex}. */
    public record ResumedDraft(Map<String, AnswerValue> answers, int pageIndex, Instant expiresAt) {
    }

    /** What a personal link allows: answering (VALID), nothing more since its response is in (USED), or nothing (UNKNOWN). */
    public enum LinkCheck { VALID, USED, UNKNOWN }

    /** A saved draft; {@code resumeCode} is set only when a new code was issued (show it once). */
    public record SavedDraft(String resumeCode, Instant expiresAt) {
    }

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final SurveyTranslations translations;
    private final ResponseStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration draftTtl;
    private final InvitationLinks links;

    SurveyRespondentService(SurveyRepository surveys, SurveyVersionRepository versions, ResponseStore store,
                            SurveyTranslations translations, ApplicationEventPublisher events, Clock clock,
                            @Value("${ngo.survey.draft-ttl:30d}") Duration draftTtl, InvitationLinks links) {
        this.links = links;
        this.translations = translations;
        this.surveys = surveys;
        this.versions = versions;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.draftTtl = draftTtl;
    }

    public Duration draftTtl() {
        return draftTtl;
    }

    /** The survey behind a public key in its base language, unless it is unknown, a draft or archived. */
    @Transactional(readOnly = true)
    public Optional<OpenSurvey> open(String publicKey) {
        return open(publicKey, null);
    }

    /**
     * The survey behind a public key in {@code language} when the survey offers it (complete, or marked to fall
     * back), else in its base language; unless it is unknown, a draft or archived.
     */
    @Transactional(readOnly = true)
    public Optional<OpenSurvey> open(String publicKey, String language) {
        return surveys.findByPublicKey(publicKey == null ? "" : publicKey)
                .filter(s -> s.getStatus().isPublished())
                .map(s -> {
                    SurveyStructure structure = s.structureOf(current(s));
                    List<String> offered = translations.offered(s.getId(), s.getBaseLanguage(), structure);
                    String chosen = offered.contains(language) ? language : s.getBaseLanguage();
                    SurveyTexts.Translated shown = translations.in(structure, s.getBaseLanguage(), chosen);
                    boolean signInRequired = s.getAudience() == SurveyAudience.SIGNED_IN && CurrentAccount.get().isEmpty();
                    boolean full = s.getResponseLimit() != null && store.countResponses(s.getId()) >= s.getResponseLimit();
                    return new OpenSurvey(shown.structure(), s.getStatus(), s.acceptsAnswersAt(clock.instant()),
                            signInRequired, full, chosen, offered, shown.fallbacks());
                });
    }

    /**
     * Checks a personal link of the survey behind {@code publicKey} and notes that it was opened (for an anonymous
     * survey without a time). Public: the link is the secret.
     */
    @Transactional
    public LinkCheck openInvitation(String publicKey, String invitation) {
        Optional<Survey> survey = surveys.findByPublicKey(publicKey == null ? "" : publicKey)
                .filter(s -> s.getStatus().isPublished());
        if (survey.isEmpty()) {
            return LinkCheck.UNKNOWN;
        }
        return links.open(survey.get().getId(), invitation, survey.get().getAnonymity())
                .map(l -> l.used() ? LinkCheck.USED : LinkCheck.VALID).orElse(LinkCheck.UNKNOWN);
    }

    /** A new random one-time token for the respondent's browser session; submitting consumes it. */
    public String newSubmissionToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An identified survey's draft of the signed-in respondent. */
    @Transactional
    public Optional<ResumedDraft> resumeMine(String publicKey) {
        Survey survey = answerable(publicKey);
        if (survey.getAnonymity() != SurveyAnonymity.IDENTIFIED) {
            return Optional.empty();
        }
        return store.draftByAccount(survey.getId(), CurrentAccount.requireId()).flatMap(d -> load(survey, d));
    }

    /** Continues with a resume code. Unknown and expired codes are refused alike (an expired draft is deleted). */
    @Transactional(noRollbackFor = SurveyRejectedException.class)
    public ResumedDraft resumeWithCode(String publicKey, String resumeCode) {
        return resumeWithCode(publicKey, resumeCode, null);
    }

    /** As above; with a personal link ({@code invitation}) an identified survey's draft is resumed by code too. */
    @Transactional(noRollbackFor = SurveyRejectedException.class)
    public ResumedDraft resumeWithCode(String publicKey, String resumeCode, String invitation) {
        Survey survey = answerable(publicKey, invitation);
        boolean byCode = survey.getAnonymity() != SurveyAnonymity.IDENTIFIED || invited(survey, invitation);
        if (!byCode || resumeCode == null
                || resumeCode.length() > RESUME_CODE_INPUT_MAX) {
            throw new ResponseRejectedException("resumeCode", "survey.resume.invalid");
        }
        return store.draftByCode(survey.getId(), hash(normaliseCode(resumeCode)))
                .flatMap(d -> load(survey, d))
                .orElseThrow(() -> new ResponseRejectedException("resumeCode", "survey.resume.invalid"));
    }

    /**
     * Saves unfinished answers. Anonymous: with the code given earlier, or a new code when there is none
     * (or it expired). Identified: under the signed-in account. Answers given must be well-formed; required
     * questions may still be empty.
     */
    @Transactional
    public SavedDraft saveDraft(String publicKey, String resumeCode, Map<String, AnswerValue> answers, int pageIndex) {
        return saveDraft(publicKey, resumeCode, answers, pageIndex, null);
    }

    /** As above; with a personal link ({@code invitation}) the draft is kept by resume code, without an account. */
    @Transactional
    public SavedDraft saveDraft(String publicKey, String resumeCode, Map<String, AnswerValue> answers, int pageIndex,
                                String invitation) {
        Survey survey = answerable(publicKey, invitation);
        boolean byAccount = survey.getAnonymity() == SurveyAnonymity.IDENTIFIED && !invited(survey, invitation);
        SurveyVersion version = current(survey);
        SurveyStructure structure = survey.structureOf(version);
        Map<String, AnswerRules.Problem> problems = new LinkedHashMap<>(AnswerRules.validate(structure.questions(),
                AnswerRules.visibility(structure, answers), answers));
        problems.values().removeIf(AnswerRules::unfinished);
        if (!problems.isEmpty()) {
            throw new SurveyAnswersRejectedException(problems);
        }
        Map<String, AnswerValue> kept = AnswerRules.effective(structure, answers);
        Instant now = clock.instant();
        Instant expires = now.plus(draftTtl);
        int page = Math.max(0, Math.min(pageIndex, structure.sections().size()));
        String issued = null;
        long draftId;
        if (byAccount) {
            long accountId = CurrentAccount.requireId();
            Optional<ResponseStore.DraftRow> existing = store.draftByAccount(survey.getId(), accountId);
            if (existing.isPresent()) {
                draftId = existing.get().id();
                store.updateDraft(draftId, version.getId(), page, expires);
            } else {
                draftId = store.insertDraft(survey.getId(), version.getId(), accountId, null, page, expires);
            }
        } else {
            Optional<ResponseStore.DraftRow> existing = resumeCode == null ? Optional.empty()
                    : store.draftByCode(survey.getId(), hash(normaliseCode(resumeCode)))
                    .filter(d -> d.expiresAt().isAfter(now));
            if (existing.isPresent()) {
                draftId = existing.get().id();
                store.updateDraft(draftId, version.getId(), page, expires);
            } else {
                issued = newResumeCode();
                draftId = store.insertDraft(survey.getId(), version.getId(), null, hash(normaliseCode(issued)), page, expires);
            }
        }
        store.insertAnswers("survey_draft_answer", "draft_id", draftId, structure, kept);
        return new SavedDraft(issued, expires);
    }

    /**
     * Submits all answers in one transaction: every answer is written, or nothing is. The draft (if any) is
     * deleted in the same transaction.
     */
    @Transactional
    public void submit(String publicKey, String submissionToken, Map<String, AnswerValue> answers, String resumeCode) {
        submit(publicKey, submissionToken, answers, resumeCode, null);
    }

    /**
     * Submits as above, recording the language the respondent answered in ({@code null}: the base language). The
     * answers are stored by code, so they pool with every other language's; a language that is not one of the
     * survey's is refused and nothing is written.
     */
    @Transactional
    public void submit(String publicKey, String submissionToken, Map<String, AnswerValue> answers, String resumeCode,
                       String language) {
        submit(publicKey, submissionToken, answers, resumeCode, language, null);
    }

    /**
     * Submits as above by a personal link ({@code invitation}, null for none): no sign-in needed, one response per
     * link (a used link is refused, nothing written). Anonymous survey: the invitation is only marked used.
     */
    @Transactional
    public void submit(String publicKey, String submissionToken, Map<String, AnswerValue> answers, String resumeCode,
                       String language, String invitation) {
        Survey found = surveys.findByPublicKey(publicKey == null ? "" : publicKey)
                .orElseThrow(() -> new ResponseRejectedException("survey", "survey.error.not-found"));
        Survey survey = surveys.lockById(found.getId()).orElseThrow();
        Optional<InvitationLinks.Link> link = invitation == null ? Optional.empty()
                : Optional.of(links.claim(survey.getId(), invitation));
        requireAnswerable(survey, link.isPresent());
        if (survey.getResponseLimit() != null && store.countResponses(survey.getId()) >= survey.getResponseLimit()) {
            throw new ResponseRejectedException("survey", "survey.error.full");
        }
        boolean identified = survey.getAnonymity() == SurveyAnonymity.IDENTIFIED;
        // by a personal link the invitation stands for the person: no account is asked or recorded
        Long accountId = identified && link.isEmpty() ? CurrentAccount.requireId() : null;
        if (accountId != null && store.hasIdentity(survey.getId(), accountId)) {
            throw new ResponseRejectedException("survey", "survey.error.already-submitted");
        }
        if (submissionToken == null || submissionToken.isBlank() || !store.useToken(hash(submissionToken), survey.getId())) {
            throw new ResponseRejectedException("survey", "survey.error.already-submitted");
        }
        SurveyVersion version = current(survey);
        SurveyStructure structure = survey.structureOf(version);
        String answeredIn = language == null ? survey.getBaseLanguage() : language;
        // the base or any further language of the survey: one that fell incomplete since the respondent opened it
        // (a structural change) still takes the answers, which are codes
        if (!answeredIn.equals(survey.getBaseLanguage())
                && translations.languages(survey.getId()).stream().noneMatch(l -> l.code().equals(answeredIn))) {
            throw new ResponseRejectedException("language", "survey.error.language-unknown");
        }
        Map<String, AnswerRules.Problem> problems = AnswerRules.validate(structure.questions(),
                AnswerRules.visibility(structure, answers), answers);
        if (!problems.isEmpty()) {
            throw new SurveyAnswersRejectedException(problems);
        }
        long responseId = store.insertResponse(survey.getId(), version.getId(), isoWeek(clock.instant()), answeredIn);
        store.insertAnswers("survey_answer", "response_id", responseId, structure, AnswerRules.effective(structure, answers));
        // results' running counts, in this transaction under the survey's row lock (one statement)
        store.addToTally(survey.getId(), structure, responseId);
        if (link.isPresent()) {
            if (identified) {
                links.useIdentified(link.get(), responseId);
            } else {
                // nothing but "used": no response id, no time (see InvitationLinks)
                links.use(link.get());
            }
        }
        if (accountId != null) {
            store.insertIdentity(responseId, survey.getId(), accountId, clock.instant());
            store.draftByAccount(survey.getId(), accountId).ifPresent(d -> store.deleteDraft(d.id()));
        } else if (resumeCode != null) {
            store.draftByCode(survey.getId(), hash(normaliseCode(resumeCode))).ifPresent(d -> store.deleteDraft(d.id()));
        }
        events.publishEvent(new SurveyResponseArrived(survey.getId()));
    }

    /**
     * Expired drafts go every night, and so do the used submission tokens of surveys that no longer take
     * answers (closed by status or past their end date): a token only guards against submitting twice while a
     * survey is open. Returns the number of drafts deleted. Scheduled by {@link DraftPurgeSchedule} (once over all
     * instances).
     */
    @Transactional
    public int purgeExpiredDrafts() {
        Instant now = clock.instant();
        store.deleteTokensOfClosedSurveys(now);
        return store.deleteExpiredDrafts(now);
    }

    static String isoWeek(Instant at) {
        LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private Optional<ResumedDraft> load(Survey survey, ResponseStore.DraftRow draft) {
        if (!draft.expiresAt().isAfter(clock.instant())) {
            store.deleteDraft(draft.id());
            return Optional.empty();
        }
        SurveyVersion version = versions.findById(draft.versionId()).orElseThrow();
        SurveyStructure structure = survey.structureOf(version);
        Map<Long, SurveyStructure.QuestionDef> byId = new LinkedHashMap<>();
        structure.questions().forEach(q -> byId.put(q.id(), q));
        Map<String, AnswerValue> answers = store.loadAnswers("survey_draft_answer", "draft_id", List.of(draft.id()), byId)
                .getOrDefault(draft.id(), Map.of());
        return Optional.of(new ResumedDraft(answers, draft.pageIndex(), draft.expiresAt()));
    }

    private Survey answerable(String publicKey) {
        return answerable(publicKey, null);
    }

    private Survey answerable(String publicKey, String invitation) {
        Survey survey = surveys.findByPublicKey(publicKey == null ? "" : publicKey)
                .orElseThrow(() -> new ResponseRejectedException("survey", "survey.error.not-found"));
        requireAnswerable(survey, invited(survey, invitation));
        return survey;
    }

    /** Whether {@code invitation} is an unused personal link of this survey. */
    private boolean invited(Survey survey, String invitation) {
        return invitation != null && links.find(survey.getId(), invitation).filter(l -> !l.used()).isPresent();
    }

    private void requireAnswerable(Survey survey, boolean invited) {
        if (!survey.acceptsAnswersAt(clock.instant())) {
            throw new ResponseRejectedException("survey", "survey.error.closed");
        }
        boolean needsAccount = !invited && (survey.getAudience() == SurveyAudience.SIGNED_IN
                || survey.getAnonymity() == SurveyAnonymity.IDENTIFIED);
        if (needsAccount && CurrentAccount.get().isEmpty()) {
            throw new AccessDeniedException("Sign-in required");
        }
    }

    private SurveyVersion current(Survey survey) {
        return versions.findBySurveyIdAndNumber(survey.getId(), survey.getCurrentVersion()).orElseThrow();
    }

    private static String newResumeCode() {
        var sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(CODE_CHARS[RANDOM.nextInt(CODE_CHARS.length)]);
        }
        return sb.toString();
    }

    static String normaliseCode(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
