package org.ngoplatform.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void short_passwords_are_refused() {
        assertThat(PasswordPolicy.problem("abc123!", "a@b.org")).contains("password.too-short");
    }

    @Test
    void passwords_of_letters_only_are_refused() {
        assertThat(PasswordPolicy.problem("onlyletterswithoutdigits", "a@b.org")).contains("password.needs-mix");
    }

    @Test
    void common_and_repetitive_passwords_are_refused() {
        assertThat(PasswordPolicy.problem("password1234", "a@b.org")).contains("password.too-common");
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaa1", "a@b.org")).contains("password.too-common");
    }

    @Test
    void a_password_containing_the_email_name_is_refused() {
        assertThat(PasswordPolicy.problem("maria.k-2026-x", "Maria.K@lastrada.org")).contains("password.contains-email");
    }

    @Test
    void a_long_mixed_password_is_accepted() {
        assertThat(PasswordPolicy.problem("Tallinn 2013 platform!", "maria@lastrada.org")).isEmpty();
    }

    @Test
    void overlong_passwords_are_refused() {
        assertThat(PasswordPolicy.problem("a1".repeat(65), "a@b.org")).contains("password.too-long");
    }
}
