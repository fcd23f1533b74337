package org.mailbridge.exit;

/**
 * Process exit codes, from sysexits(3). Every command returns one of these; {@code main} is the
 * only place that turns it into {@link System#exit(int)}. The MTA (procmail, Postfix) reads 75 as
 * "try again later" and anything else non-zero as a permanent failure.
 */
public enum ExitCode {
    /** Success. */
    OK(0, "success"),
    /** The command line was wrong. */
    USAGE(64, "usage error: unknown option or bad argument"),
    /** The input is not a usable mail message (it is kept in quarantine). */
    DATA_ERROR(65, "bad input data: not a mail message (kept in quarantine)"),
    /** A service the command needs (broker, daemon) is not available, or the bridge is unhealthy. */
    UNAVAILABLE(69, "unavailable or unhealthy: broker down, daemon stale, spool backlog"),
    /** A bug: an error that no input should cause. */
    SOFTWARE(70, "internal error"),
    /** A file could not be read or written. */
    IO_ERROR(74, "I/O error reading or writing a file"),
    /** A transient failure; the caller should try again later (the MTA will). */
    TEMP_FAIL(75, "temporary failure: spool unwritable or full, try again later"),
    /** The configuration is invalid. */
    CONFIG(78, "configuration error (the message names the file, line and key)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The numeric process exit status. */
    public int code() {
        return code;
    }

    /** A short description, as shown in {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
