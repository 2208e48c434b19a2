package org.ngoplatform.workshop;

import org.ngoplatform.account.PersonalStartPage;
import org.ngoplatform.edition.EditionService;
import org.ngoplatform.registration.RegistrationService;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A participant with a confirmed seat for an upcoming edition lands on their own programme after signing in. */
@Component
class MyProgrammeStart implements PersonalStartPage {

    static final String START = "my/programme";

    private final EditionService editions;
    private final RegistrationService registrations;

    MyProgrammeStart(EditionService editions, RegistrationService registrations) {
        this.editions = editions;
        this.registrations = registrations;
    }

    @Override
    public Optional<String> startFor(long accountId) {
        boolean coming = editions.upcoming().stream().anyMatch(e -> registrations.isConfirmed(e.id(), accountId));
        return coming ? Optional.of(START) : Optional.empty();
    }
}
