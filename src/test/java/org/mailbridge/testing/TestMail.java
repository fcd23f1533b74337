package org.mailbridge.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small RFC 5322 messages for tests. */
public final class TestMail {
    private final List<String> headers = new ArrayList<>();
    private String body = "";

    private TestMail() {
    }

    /** A plain message with From, To, Subject, Date and Message-ID set. */
    public static TestMail plain(String messageId) {
        return new TestMail()
                .header("From", "Sender <sender@example.org>")
                .header("To", "bridge@example.org")
                .header("Subject", "test " + messageId)
                .header("Date", "Sat, 28 Nov 2026 10:00:00 +0000")
                .header("Message-ID", "<" + messageId + "@example.org>")
                .body("Hello.\n");
    }

    /** Adds a header field. */
    public TestMail header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    /** Sets the body. */
    public TestMail body(String text) {
        this.body = text;
        return this;
    }

    /** The message text, with LF line ends as procmail passes it. */
    public String text() {
        return String.join("\n", headers) + "\n\n" + body;
    }

    /** The message bytes. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
