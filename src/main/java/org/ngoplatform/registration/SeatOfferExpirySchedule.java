package org.ngoplatform.registration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Runs {@link SeatOfferExpiry} every {@code ngo.registration.offer-expiry-interval} (default a minute, so an offer
 * passes on within a minute of its deadline) on one instance at a time ({@code base.ScheduledJobLocks}). The job
 * takes editions' seat locks, which need an authenticated caller: it runs as itself, with no role.
 */
@Component
class SeatOfferExpirySchedule {

    static final String JOB = "registration.offerExpiry";

    private final SeatOfferExpiry expiry;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SeatOfferExpirySchedule(SeatOfferExpiry expiry, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.expiry = expiry;
        this.strategy = strategy;
    }

    @Scheduled(fixedDelayString = "${ngo.registration.offer-expiry-interval:PT1M}",
            initialDelayString = "${ngo.registration.offer-expiry-interval:PT1M}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
    public void run() {
        SecurityContextHolderStrategy holder = strategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        var previous = holder.getContext();
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(JOB, null, List.of()));
        holder.setContext(context);
        try {
            expiry.expireDue();
        } finally {
            holder.setContext(previous);
        }
    }
}
