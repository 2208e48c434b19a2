package org.ngoplatform.account;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class FirstOrganiserBootstrapTest {

    @RepeatedTest(20)
    void generated_one_time_passwords_satisfy_the_password_policy() {
        String password = FirstOrganiserBootstrap.generatePassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(PasswordPolicy.problem(password, "organiser@ngo-platform.local")).isEmpty();
    }
}
