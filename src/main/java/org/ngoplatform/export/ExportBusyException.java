package org.ngoplatform.export;

/** Too many exports are running or queued; the caller should try again in a moment. */
public class ExportBusyException extends RuntimeException {

    public ExportBusyException() {
        super("Too many exports are running; try again shortly");
    }
}
