package org.mailbridge.publish;

/**
 * Publishing failed. The {@link Scope} tells the daemon how to recover: a broken connection
 * means every message waits and the daemon backs off; a refused message means only that one
 * is at fault, and after a few refusals it is quarantined so it cannot block the others.
 */
public class PublishException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the failure concerns. */
    public enum Scope {
        /** The broker or the connection: retry later, with back-off, without counting. */
        CONNECTION,
        /** This message: the broker refused it while the connection stayed healthy. */
        MESSAGE
    }

    private final Scope scope;
    private final String domain;

    public PublishException(Scope scope, String domain, String message, Throwable cause) {
        super(message, cause);
        this.scope = scope;
        this.domain = domain;
    }

    public Scope scope() {
        return scope;
    }

    /** The security domain that failed. */
    public String domain() {
        return domain;
    }
}
