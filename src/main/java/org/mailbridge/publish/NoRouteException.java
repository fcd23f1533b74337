package org.mailbridge.publish;

/** No security domain takes an event: a configuration gap. The mail is quarantined as {@code no-route}. */
public class NoRouteException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoRouteException(String message) {
        super(message);
    }
}
