package org.ngoplatform.account;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.mail.MailLanguage;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * "Forgot password": an emailed one-time link. The request answers the same whether the email belongs to an
 * account or not (no mail is queued for unknown emails), only a hash of the link's secret is stored, the link
 * expires and works once; a new request leaves earlier links valid, and a reset spends them all. Mails per typed
 * email are limited within a link's lifetime (silently, the answer is the same) and requests per client address
 * (in memory).
 */
@Service
public class PasswordResetService {

    /** What the person is told after asking for a link. Never depends on whether the account exists. */
    public enum RequestOutcome { SENT_IF_EXISTS, THROTTLED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PasswordResetTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final LoginThrottle loginThrottle;
    private final Clock clock;
    private final Duration tokenTtl;
    private final RequestLimit mailsPerEmail;
    private final RequestLimit requestsPerAddress;
    private final String publicUrl;

    PasswordResetService(AccountRepository accounts, PasswordResetTokenRepository tokens, PasswordEncoder passwordEncoder,
                         ApplicationEventPublisher events, AuditLog audit,
                         LoginThrottle loginThrottle, Clock clock, ObjectProvider<SharedThrottleStore> shared,
                         @Value("${ngo.password-reset.token-ttl:PT30M}") Duration tokenTtl,
                         @Value("${ngo.password-reset.max-per-email:3}") int maxPerEmail,
                         @Value("${ngo.password-reset.max-per-address:10}") int maxPerAddress,
                         @Value("${ngo.password-reset.window:PT1H}") Duration window,
                         @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.audit = audit;
        this.loginThrottle = loginThrottle;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
        // Mails per email within a link's lifetime: while this limit applies, the links already sent still work.
        this.mailsPerEmail = RequestLimit.of("reset-mails-per-email", shared.getIfAvailable(), clock, maxPerEmail, tokenTtl, 100_000);
        this.requestsPerAddress = RequestLimit.of("resets-per-address", shared.getIfAvailable(), clock, maxPerAddress, window, 100_000);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** How long a link stays valid. */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    /**
     * Sends a reset link if {@code email} belongs to an enabled account. Open to anyone; the answer is the same
     * either way. {@code address} is the client's address for throttling (may be null).
     */
    @Transactional
    public RequestOutcome requestReset(String email, String address) {
        String typed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (typed.isEmpty() || typed.length() > Account.EMAIL_MAX || !typed.contains("@")) {
            return RequestOutcome.SENT_IF_EXISTS;
        }
        if (!requestsPerAddress.tryAcquire(address)) {
            return RequestOutcome.THROTTLED;
        }
        // Past the per-email limit no mail goes out, but the answer stays the same: a stranger asking for someone
        // else's email must not get their requests refused, and the links already sent stay valid.
        if (!mailsPerEmail.tryAcquire(typed)) {
            return RequestOutcome.SENT_IF_EXISTS;
        }
        String secret = newSecret();
        String hash = hash(secret);
        Optional<Account> account = accounts.findByEmail(typed).filter(Account::isEnabled);
        if (account.isEmpty()) {
            return RequestOutcome.SENT_IF_EXISTS;
        }
        Account owner = account.get();
        Instant now = clock.instant();
        // A new request never voids a link already sent: otherwise anyone could cancel someone's reset.
        tokens.save(new PasswordResetToken(owner.getId(), hash, now, now.plus(tokenTtl)));
        Locale locale = MailLanguage.of(owner.getPreferredLanguage());
        // Confidential: whoever reads the link can take the account over (not shown to organisers, erased once sent).
        events.publishEvent(new MailRequested(owner.getEmail(), locale, MailTemplate.PASSWORD_RESET,
                owner.getDisplayName(), publicUrl + "/reset-password/" + secret, tokenTtl.toMinutes()));
        audit.record("PASSWORD_RESET_REQUESTED", "account:" + owner.getId(), null);
        return RequestOutcome.SENT_IF_EXISTS;
    }

    /** Whether a link can still be used (so the page can say "expired" before the person types a password). */
    @Transactional(readOnly = true)
    public boolean isUsable(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return false;
        }
        return tokens.findByTokenHash(hash(secret)).map(t -> t.usableAt(clock.instant())).orElse(false);
    }

    /** Sets a new password through a link and spends the link; a refused password leaves the link usable. */
    @Transactional
    public void resetPassword(String secret, String newPassword) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw new PasswordResetRejectedException("reset.link-invalid");
        }
        PasswordResetToken token = tokens.findForUpdate(hash(secret))
                .orElseThrow(() -> new PasswordResetRejectedException("reset.link-invalid"));
        Instant now = clock.instant();
        if (!token.usableAt(now)) {
            throw new PasswordResetRejectedException("reset.link-invalid");
        }
        Account account = accounts.findById(token.getAccountId()).filter(Account::isEnabled)
                .orElseThrow(() -> new PasswordResetRejectedException("reset.link-invalid"));
        Optional<String> weak = PasswordPolicy.problem(newPassword, account.getEmail());
        if (weak.isPresent()) {
            throw new PasswordResetRejectedException(weak.get());
        }
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        token.use(now);
        tokens.unused(account.getId()).forEach(other -> other.use(now));
        loginThrottle.passwordChanged(account.getEmail());
        audit.record("PASSWORD_RESET", "account:" + account.getId(), null);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
