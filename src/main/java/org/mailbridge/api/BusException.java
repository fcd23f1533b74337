package org.mailbridge.api;

/**
 * The broker could not be reached, did not confirm an event, or refused a subscription. The
 * event may or may not have arrived; publishing it again with the same id lets consumers drop
 * the duplicate.
 */
public final class BusException extends Exception {
    private static final long serialVersionUID = 1L;

    public BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
