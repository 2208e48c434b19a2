package org.ngoplatform.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ngoplatform.base.RejectedException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shows a service's refusal where it belongs: next to the form field it names, otherwise at form level. A view
 * registers its fields under the names the service uses once ({@link #on}); every refusal then takes one call.
 */
public final class FieldErrors {

    private final Component owner;
    private final Consumer<String> elsewhere;
    private final Map<String, HasValidation> fields = new HashMap<>();

    /**
     * @param owner     the view or dialog, whose language the messages are translated into
     * @param elsewhere how a message is shown that names no registered field (e.g. {@link #notification})
     */
    public FieldErrors(Component owner, Consumer<String> elsewhere) {
        this.owner = owner;
        this.elsewhere = elsewhere;
    }

    /** The field that shows refusals named by any of {@code names}. */
    public FieldErrors on(HasValidation field, String... names) {
        for (String name : names) {
            fields.put(name, field);
        }
        return this;
    }

    /** The refusal's translated message ({@code params} fill its placeholders), next to the field it names. */
    public void show(RejectedException rejected, Object... params) {
        show(rejected.field(), owner.getTranslation(rejected.messageKey(), params));
    }

    /** {@code message} next to the field registered as {@code name}; otherwise shown elsewhere. */
    public void show(String name, String message) {
        HasValidation field = name == null ? null : fields.get(name);
        if (field == null) {
            elsewhere.accept(message);
            return;
        }
        field.setInvalid(true);
        field.setErrorMessage(message);
    }

    /** Form-level messages as an error notification. */
    public static Consumer<String> notification(int millis, Notification.Position position) {
        return message -> Notification.show(message, millis, position).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Form-level messages on this field. */
    public static Consumer<String> into(HasValidation field) {
        return message -> {
            field.setInvalid(true);
            field.setErrorMessage(message);
        };
    }
}
