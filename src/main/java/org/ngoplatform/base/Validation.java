package org.ngoplatform.base;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A service checks a form's bean-validation constraints again (the browser can be bypassed) and refuses it with
 * its first broken constraint, before anything is read for update or written. "First" is stable: the fields in the
 * order the service gives, then the others by name.
 */
public final class Validation {

    private Validation() {
    }

    /** Throws {@code refusal} of the first broken constraint of {@code bean}; returns when there is none. */
    public static <T> void requireValid(Validator validator, T bean,
                                        Function<ConstraintViolation<T>, ? extends RuntimeException> refusal) {
        requireValid(validator, bean, List.of(), refusal);
    }

    /** As {@link #requireValid(Validator, Object, Function)}, with {@code fieldOrder} deciding which is first. */
    public static <T> void requireValid(Validator validator, T bean, List<String> fieldOrder,
                                        Function<ConstraintViolation<T>, ? extends RuntimeException> refusal) {
        Optional<ConstraintViolation<T>> first = firstViolation(validator, bean, fieldOrder);
        if (first.isPresent()) {
            throw refusal.apply(first.get());
        }
    }

    /** The first broken constraint of {@code bean}, the fields in {@code fieldOrder} first, then the others by name. */
    public static <T> Optional<ConstraintViolation<T>> firstViolation(Validator validator, T bean, List<String> fieldOrder) {
        Comparator<ConstraintViolation<T>> order = Comparator.<ConstraintViolation<T>>comparingInt(v -> {
            int at = fieldOrder.indexOf(field(v));
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(Validation::field).thenComparing(ConstraintViolation::getMessageTemplate);
        return validator.validate(bean).stream().min(order);
    }

    /** The broken field's name as forms know it ({@code "title"}). */
    public static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString();
    }

    /** The constraint's message key: its message template without the braces ({@code "{validation.too-long}"}). */
    public static String messageKey(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        return template.length() > 2 && template.startsWith("{") && template.endsWith("}")
                ? template.substring(1, template.length() - 1) : template;
    }
}
