package org.ngoplatform.workshop;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDateTime;

/** What an organiser fills in to open choosing for a workshop slot: the deadline, in the edition's zone. */
public class ChoosingForm {

    @NotNull(message = "{validation.required}")
    private LocalDateTime closesAt;

    public static ChoosingForm closingAt(LocalDateTime closesAt) {
        ChoosingForm f = new ChoosingForm();
        f.closesAt = closesAt;
        return f;
    }

    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime closesAt) { this.closesAt = closesAt; }
}
