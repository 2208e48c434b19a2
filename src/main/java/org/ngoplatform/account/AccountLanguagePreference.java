package org.ngoplatform.account;

import org.ngoplatform.base.i18n.LanguagePreference;
import org.ngoplatform.base.i18n.MessagesI18NProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;

@Component
class AccountLanguagePreference implements LanguagePreference {

    private final AccountRepository accounts;

    AccountLanguagePreference(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> load() {
        return CurrentAccount.get()
                .flatMap(p -> accounts.findById(p.accountId()))
                .map(Account::getPreferredLanguage)
                .map(Locale::of);
    }

    @Override
    @Transactional
    public void save(Locale locale) {
        boolean supported = MessagesI18NProvider.LOCALES.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
        if (!supported) {
            throw new IllegalArgumentException("unsupported language " + locale);
        }
        CurrentAccount.get().flatMap(p -> accounts.findById(p.accountId()))
                .ifPresent(a -> a.changePreferredLanguage(locale.getLanguage()));
    }
}
