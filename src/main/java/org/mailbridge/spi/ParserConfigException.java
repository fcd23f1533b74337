package org.mailbridge.spi;

/**
 * A parser's settings ({@code [parsers.<id>]}) are wrong. Thrown from
 * {@link MailParser#init}; the daemon refuses to start (exit 78) with this message.
 */
public class ParserConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParserConfigException(String message) {
        super(message);
    }
}
