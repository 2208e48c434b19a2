package org.ngoplatform.base.ui;

import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.RequiredFieldConfigurator;
import jakarta.validation.constraints.NotBlank;

/**
 * Marks every form field as required whose bean property must be filled in. Vaadin's own rule covers
 * {@code @NotNull}, {@code @NotEmpty} and {@code @Size(min > 0)} but not {@code @NotBlank}, the constraint the
 * forms' requests use for text; so a field bound to such a property showed no required indicator. The message
 * next to an empty field is the constraint's own, translated ({@code ValidationMessages*.properties}).
 */
public final class RequiredFields {

    /** Vaadin's default rule, plus {@code @NotBlank}. */
    public static final RequiredFieldConfigurator RULE = RequiredFieldConfigurator.DEFAULT
            .chain((annotation, context) -> annotation.annotationType().equals(NotBlank.class));

    private RequiredFields() {
    }

    /** A binder for {@code type} that marks required fields by {@link #RULE}; call before binding fields. */
    public static <T> BeanValidationBinder<T> binder(Class<T> type) {
        var binder = new BeanValidationBinder<>(type);
        binder.setRequiredConfigurator(RULE);
        return binder;
    }
}
