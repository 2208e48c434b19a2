package org.ngoplatform.base;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = jakarta.validation.Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    static class Form {
        @NotBlank(message = "{validation.required}") String title;
        @Size(max = 3, message = "{validation.too-long}") String code;
        @NotNull Integer amount;
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Form broken() {
        Form form = new Form();
        form.title = "";
        form.code = "toolong";
        form.amount = null;
        return form;
    }

    @Test
    void a_valid_bean_passes() {
        Form form = new Form();
        form.title = "Shelters";
        form.code = "ab";
        form.amount = 1;
        assertThatCode(() -> Validation.requireValid(VALIDATOR, form, v -> new RejectedException(Validation.field(v), "x")))
                .doesNotThrowAnyException();
    }

    @Test
    void the_first_broken_field_is_the_first_by_name_when_no_order_is_given() {
        assertThatThrownBy(() -> Validation.requireValid(VALIDATOR, broken(),
                v -> new RejectedException(Validation.field(v), Validation.messageKey(v))))
                .isInstanceOfSatisfying(RejectedException.class, r -> {
                    assertThat(r.field()).isEqualTo("amount");
                });
    }

    @Test
    void the_service_field_order_decides_which_broken_field_is_first_and_the_message_key_loses_its_braces() {
        assertThatThrownBy(() -> Validation.requireValid(VALIDATOR, broken(), List.of("title", "code"),
                v -> new RejectedException(Validation.field(v), Validation.messageKey(v))))
                .isInstanceOfSatisfying(RejectedException.class, r -> {
                    assertThat(r.field()).isEqualTo("title");
                    assertThat(r.messageKey()).isEqualTo("validation.required");
                });
        Form onlyCode = broken();
        onlyCode.title = "ok";
        assertThatThrownBy(() -> Validation.requireValid(VALIDATOR, onlyCode, List.of("title", "code"),
                v -> new RejectedException(Validation.field(v), Validation.messageKey(v))))
                .isInstanceOfSatisfying(RejectedException.class, r -> {
                    assertThat(r.field()).isEqualTo("code");
                    assertThat(r.messageKey()).isEqualTo("validation.too-long");
                });
    }
}
