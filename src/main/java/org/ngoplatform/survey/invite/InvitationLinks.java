package org.ngoplatform.survey.invite;

import org.ngoplatform.survey.SurveyAnonymity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Personal links as the respondent flow ({@code respond.SurveyRespondentService}) uses them, inside its transaction.
 * The link is the secret: whoever holds it may answer once, without signing in. Only the hash of a link's secret is
 * looked up. For an anonymous survey {@link #use} marks the invitation used and nothing else: it takes no response,
 * writes no time, no audit row and no log line, so nothing connects the invitation to the response written in the
 * same transaction (SurveyAnonymityTest proves it over the schema).
 */
@Component
public class InvitationLinks {

    /** Longest link secret looked up (the ones issued have 32 characters). */
    public static final int TOKEN_MAX = 64;

    /** A link as found: which invitation, of which survey, and whether it was used already. */
    public record Link(long invitationId, long surveyId, boolean used) {
    }

    private final InvitationStore store;
    private final Clock clock;

    InvitationLinks(InvitationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The link of {@code surveyId} a secret names; empty for a secret that names none (or another survey's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Link> find(long surveyId, String token) {
        return lookUp(surveyId, token, false);
    }

    /**
     * Notes that the person opened the survey by their link (shown as "started", or as "link used" for an anonymous
     * survey, where no time is kept).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Link> open(long surveyId, String token, SurveyAnonymity anonymity) {
        Optional<Link> link = lookUp(surveyId, token, false);
        link.filter(l -> !l.used()).ifPresent(l ->
                store.opened(l.invitationId(), anonymity == SurveyAnonymity.ANONYMOUS ? null : clock.instant()));
        return link;
    }

    /**
     * Takes the link for a submission under its row lock: refused when it names nothing or was used already (one
     * response per invitation).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Link claim(long surveyId, String token) {
        Link link = lookUp(surveyId, token, true)
                .orElseThrow(() -> new InvitationRejectedException("survey", "survey.invite.link-unknown"));
        if (link.used()) {
            throw new InvitationRejectedException("survey", "survey.invite.link-used");
        }
        return link;
    }

    /** Anonymous survey: the link is used; nothing else is written (no time, no response). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void use(Link link) {
        store.used(link.invitationId(), null);
    }

    /** Identified survey: the link is used, with the time, and the response records the invitation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void useIdentified(Link link, long responseId) {
        store.used(link.invitationId(), clock.instant());
        store.linkResponse(link.invitationId(), responseId);
    }

    private Optional<Link> lookUp(long surveyId, String token, boolean forUpdate) {
        if (token == null || token.isBlank() || token.length() > TOKEN_MAX) {
            return Optional.empty();
        }
        return store.link(hash(token.strip()), forUpdate).filter(r -> r.surveyId() == surveyId)
                .map(r -> new Link(r.id(), r.surveyId(), r.state() == InvitationState.USED));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
