package org.ngoplatform.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules: length over composition, plus a refusal of the obvious. Returns a message key when a
 * password is not acceptable.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "letmein12345",
            "iloveyou1234", "welcome12345", "administrator", "trafficking1", "ngoplatform1");

    private PasswordPolicy() {
    }

    public static Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 5) {
            return Optional.of("password.too-common");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return Optional.of("password.needs-mix");
        }
        if (email != null && !email.isBlank()) {
            String local = email.strip().toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (local.length() >= 4 && lower.contains(local)) {
                return Optional.of("password.contains-email");
            }
        }
        return Optional.empty();
    }
}
