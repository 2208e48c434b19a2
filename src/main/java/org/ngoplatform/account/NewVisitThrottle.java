package org.ngoplatform.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.ngoplatform.base.i18n.Translator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Slows a client address that opens new sessions faster than people do. A request that arrives without a live session
 * (a new visitor, or one whose session has ended) takes a token from its address's bucket: up to
 * {@code ngo.sessions.new-per-address-burst} at once, refilled at {@code ngo.sessions.new-per-address-per-minute}. With
 * the bucket empty it gets 429 with {@code Retry-After} and a small page in the visitor's language that tries again by
 * itself after that many seconds; nothing is created for it (no session, no Vaadin UI, no view), so a flood from one
 * address costs the server a few microseconds a visit instead of a whole home page. Requests that carry a live session
 * (every signed-in person, every visitor already in) are never counted nor refused; static files are not counted.
 * A flood spread over many addresses, each under its own rate, meets one bucket for all addresses
 * ({@code ngo.sessions.new-total-burst}, {@code ngo.sessions.new-total-per-minute}): beyond it a new visit gets 503 with
 * the same kind of page, so the server's CPU stays with the people already in (a whole first visit costs ~20 ms of CPU
 * on the 2-core machine of docs/performance.md, where the default total keeps new visitors under about half of it).
 *
 * <p>Why a token bucket rather than {@link RequestLimit}'s sliding window: the window keeps every event of the last
 * minute per key (60 instants an address at these settings), the bucket two numbers; addresses are kept at most
 * {@code ngo.sessions.new-per-address-keys} (Caffeine), each forgotten once its bucket would be full again. The
 * buckets are this instance's: with two instances an address gets twice the rate, which is still a throttle.
 * Together with {@link AnonymousSessionLimits} (how many anonymous sessions may live) this bounds what one address can
 * make the server build and hold; a flood spread over many addresses meets that class's global cap instead. Figures:
 * docs/performance.md, "Anonymous visits: new visits per address".
 */
@Component
class NewVisitThrottle extends OncePerRequestFilter {

    private final Translator translator;
    private final boolean enabled;
    private final long burst;
    private final long perMinute;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;
    private final Bucket allAddresses;

    @Autowired
    NewVisitThrottle(Translator translator, Clock clock,
                     @Value("${ngo.sessions.new-per-address-burst}") long burst,
                     @Value("${ngo.sessions.new-per-address-per-minute}") long perMinute,
                     @Value("${ngo.sessions.new-per-address-keys}") long maxKeys,
                     @Value("${ngo.sessions.new-total-burst}") long totalBurst,
                     @Value("${ngo.sessions.new-total-per-minute}") long totalPerMinute,
                     @Value("${ngo.sessions.limit-anonymous:true}") boolean enabled) {
        if (burst < 1 || perMinute < 1 || totalBurst < 1 || totalPerMinute < 1) {
            throw new IllegalArgumentException("ngo.sessions.new-per-address-* and new-total-* must be at least 1");
        }
        this.translator = translator;
        this.enabled = enabled;
        this.burst = burst;
        this.perMinute = perMinute;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // An address whose bucket has refilled completely is the same as one never seen: forget it then.
        Duration refillCompletely = Duration.ofMillis(Math.ceilDiv(burst * 60_000L, perMinute));
        this.buckets = Caffeine.newBuilder()
                .ticker(time::currentTimeNanos)
                .executor(Runnable::run)
                .expireAfterAccess(refillCompletely)
                .maximumSize(maxKeys)
                .build();
        this.allAddresses = bucket(totalBurst, totalPerMinute);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (enabled && !carriesLiveSession(request) && !isStaticFile(request)) {
            String address = ClientAddress.of(request);
            ConsumptionProbe probe = buckets.get(address, a -> bucket(burst, perMinute)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refuse(request, response, 429, "visits.busy.text", retryAfterSeconds(probe));
                return;
            }
            ConsumptionProbe all = allAddresses.tryConsumeAndReturnRemaining(1);
            if (!all.isConsumed()) {
                refuse(request, response, 503, "visits.busy.text-all", retryAfterSeconds(all));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesLiveSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    private Bucket bucket(long capacity, long refillPerMinute) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillPerMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    /** Files that never open a session: Vaadin's bundle, our styles and images, the icons and the like. */
    static boolean isStaticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/VAADIN/") || path.startsWith("/styles/") || path.startsWith("/images/")
                || path.startsWith("/icons/")) {
            return true;
        }
        // Routes have no dot in their last segment; favicon.ico, sw.js, manifest.webmanifest, robots.txt have.
        return path.lastIndexOf('.') > path.lastIndexOf('/');
    }

    /** Readable without the app's style sheet (nothing else is loaded for this page), light or dark as the device is. */
    private static final String STYLE = "<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;"
            + "padding:1.5rem;color:#1a1a1a;background:#fff}main{max-width:36rem;margin:10vh auto 0}h1{font-size:1.5rem}"
            + "a{color:#0b57a8}@media (prefers-color-scheme:dark){body{color:#ececec;background:#121212}a{color:#8ab4f8}}"
            + "</style>";

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String textKey, long seconds)
            throws IOException {
        Locale locale = languageOf(request);
        // The page itself waits a little longer at random, so that visitors refused in the same second do not all come
        // back in the same second.
        long retryIn = seconds + ThreadLocalRandom.current().nextLong(seconds + 1);
        response.setStatus(status);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        String title = HtmlUtils.htmlEscape(translator.translate("visits.busy.title", locale));
        String text = HtmlUtils.htmlEscape(translator.translate(textKey, locale, retryIn));
        String again = HtmlUtils.htmlEscape(translator.translate("visits.busy.again", locale));
        PrintWriter out = response.getWriter();
        out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"" + retryIn + "\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title>" + STYLE + "</head>"
                + "<body><main><h1>" + title + "</h1><p role=\"status\">" + text + "</p>"
                + "<p><a href=\"\">" + again + "</a></p></main></body></html>");
    }

    /** The visitor's language from {@code Accept-Language} among those the app speaks, else English. */
    static Locale languageOf(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), MessagesI18NProvider.LOCALES);
            return match == null ? Locale.ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** Addresses with a bucket now (after dropping the forgotten ones). */
    long trackedAddresses() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
