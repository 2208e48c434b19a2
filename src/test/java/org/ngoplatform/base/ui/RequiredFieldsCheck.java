package org.ngoplatform.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks for forms bound to a bean: the fields whose property must be filled in. */
public final class RequiredFieldsCheck {

    private RequiredFieldsCheck() {
    }

    /** The form fields bound to {@code @NotNull} / {@code @NotBlank} properties of {@code type}; there is at least one. */
    public static List<HasValidation> requiredFields(Binder<?> binder, Class<?> type) {
        List<HasValidation> fields = new ArrayList<>();
        for (Field property : type.getDeclaredFields()) {
            if (property.isAnnotationPresent(NotNull.class) || property.isAnnotationPresent(NotBlank.class)) {
                var binding = binder.getBinding(property.getName());
                assertThat(binding).as("form field for required property %s", property.getName()).isPresent();
                fields.add((HasValidation) binding.get().getField());
            }
        }
        assertThat(fields).isNotEmpty();
        return fields;
    }

    /** Every field bound to a required property shows the required indicator. */
    public static void assertMarked(Binder<?> binder, Class<?> type) {
        for (HasValidation field : requiredFields(binder, type)) {
            assertThat(((com.vaadin.flow.component.HasValue<?, ?>) field).isRequiredIndicatorVisible())
                    .as("required indicator on %s", ((com.vaadin.flow.component.Component) field).getId().orElse("?"))
                    .isTrue();
        }
    }

    /** After submitting the empty form, every field bound to a required property shows {@code message}. */
    public static void assertEmptyMessage(Binder<?> binder, Class<?> type, String message) {
        for (HasValidation field : requiredFields(binder, type)) {
            String id = ((com.vaadin.flow.component.Component) field).getId().orElse("?");
            assertThat(field.isInvalid()).as("%s invalid", id).isTrue();
            assertThat(field.getErrorMessage()).as("message next to %s", id).isEqualTo(message);
        }
    }
}
