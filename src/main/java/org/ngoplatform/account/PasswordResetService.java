package org.ngoplatform.account;

import org.ngoplatform.audit.AuditLog;
import org.ngoplatform.base.i18n.Translator;
import org.ngoplatform.mail.MailLanguage;
import org.ngoplatform.mail.MailRequested;
import org.ngoplatform.mail.MailTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
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
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Forgot password": an emailed one-time link. The request answers the same whether the email belongs to an
 * account or not (no mail is queued for unknown emails), only a hash of the link's secret is stored, the link
 * expires and works once. Requests are throttled per typed email and per client address (in memory).
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
    private final Translator translator;
    private final AuditLog audit;
    private final LoginThrottle loginThrottle;
    private final Clock clock;
    private final Duration tokenTtl;
    private final int maxPerEmail;
    private final int maxPerAddress;
    private final Duration window;
    private final String publicUrl;
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    PasswordResetService(AccountRepository accounts, PasswordResetTokenRepository tokens, PasswordEncoder passwordEncoder,
                         ApplicationEventPublisher events, Translator translator, AuditLog audit,
                         LoginThrottle loginThrottle, Clock clock,
                         @Value("${ngo.password-reset.token-ttl:PT30M}") Duration tokenTtl,
                         @Value("${ngo.password-reset.max-per-email:3}") int maxPerEmail,
                         @Value("${ngo.password-reset.max-per-address:10}") int maxPerAddress,
                         @Value("${ngo.password-reset.window:PT1H}") Duration window,
                         @Value("${ngo.public-url:http://localhost:8080}") String publicUrl) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.translator = translator;
        this.audit = audit;
        this.loginThrottle = loginThrottle;
        this.clock = clock;
        this.tokenTtl = tokenTtl;
        this.maxPerEmail = maxPerEmail;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
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
        if (!allow("email:" + typed, maxPerEmail) | !allow(address == null ? null : "address:" + address, maxPerAddress)) {
            return RequestOutcome.THROTTLED;
        }
        String secret = newSecret();
        String hash = hash(secret);
        Optional<Account> account = accounts.findByEmail(typed).filter(Account::isEnabled);
        if (account.isEmpty()) {
            return RequestOutcome.SENT_IF_EXISTS;
        }
        Account owner = account.get();
        Instant now = clock.instant();
        tokens.unused(owner.getId()).forEach(old -> old.use(now));
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
        loginThrottle.recordSuccess(account.getEmail());
        audit.record("PASSWORD_RESET", "account:" + account.getId(), null);
    }

    private boolean allow(String key, int max) {
        if (key == null) {
            return true;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(window);
        boolean[] allowed = {false};
        requests.compute(key, (k, q) -> {
            Deque<Instant> queue = q == null ? new ArrayDeque<>() : q;
            while (!queue.isEmpty() && queue.peekFirst().isBefore(cutoff)) {
                queue.pollFirst();
            }
            if (queue.size() < max) {
                queue.addLast(now);
                allowed[0] = true;
            }
            return queue;
        });
        return allowed[0];
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
