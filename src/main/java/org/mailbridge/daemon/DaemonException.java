package org.mailbridge.daemon;

/** The daemon cannot run: spool unusable or locked, embedded broker not started. Exit 69 or 74. */
public class DaemonException extends Exception {
    private static final long serialVersionUID = 1L;

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
