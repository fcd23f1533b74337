package org.mailbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.Limits;

/**
 * A mail's key: its Message-ID only when it is one well-formed msg-id with a real left part,
 * else a digest of the non-trace headers and the body. Covers the bug where nine git mails with
 * the placeholder {@code Message-ID: <...>} shared one event id, and so one datanommer row.
 */
class ContentKeyTest {
    private static String key(String text) throws Exception {
        return new MailReader(Limits.DEFAULT).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .contentKey();
    }

    private static String mail(String messageId, int n) {
        return (messageId == null ? "" : "Message-ID: " + messageId + "\n")
                + "From: git@scm.example.org\nTo: commits@example.org\nSubject: [widget] commit " + n
                + "\nDate: Fri, 17 May 2024 08:00:12 -0000\n\ncommit number " + n + "\n";
    }

    @Test
    void aWellFormedMessageIdIsTheKey() throws Exception {
        assertThat(key(mail("<172393201.4401.widget@scm.example.org>", 1)))
                .isEqualTo("<172393201.4401.widget@scm.example.org>");
        assertThat(key(mail("  <a1@b>  ", 1))).isEqualTo("<a1@b>");
    }

    @Test
    void ninePlaceholderIdMailsGetNineKeys() throws Exception {
        for (String placeholder : new String[] {"<...>", "", "<>", "<@scm.example.org>", "<...@scm.example.org>",
                "<a@b> <c@d>", "no-brackets@example.org", "<has space@example.org>", "<no-at-sign>"}) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < 9; i++) {
                String k = key(mail(placeholder, i));
                assertThat(k).as("placeholder %s", placeholder).startsWith("sha256:");
                keys.add(k);
            }
            assertThat(keys).as("placeholder %s", placeholder).hasSize(9);
        }
    }

    @Test
    void twoMessageIdFieldsAreNotAKey() throws Exception {
        assertThat(key("Message-ID: <a1@example.org>\n" + mail("<b2@example.org>", 1))).startsWith("sha256:");
    }

    @Test
    void oneMailByTwoRoutesHasOneKey() throws Exception {
        String m = mail("<...>", 7);
        String routeA = "Return-Path: <git@scm.example.org>\nDelivered-To: bridge@example.org\n"
                + "Received: from mx1.example.org by bridge.example.org; Fri, 17 May 2024 08:00:13 -0000\n"
                + "Received: from scm.example.org by mx1.example.org; Fri, 17 May 2024 08:00:12 -0000\n"
                + "X-Spam-Status: No, score=-1.0\n" + m;
        String routeB = "Return-Path: <bounce@relay.example.net>\nX-Original-To: bridge@example.org\n"
                + "Received: from mx2.example.net by bridge2.example.org; Fri, 17 May 2024 08:00:19 -0000\n"
                + "Authentication-Results: mx2.example.net; spf=pass\n" + m;
        assertThat(key(routeA)).startsWith("sha256:").isEqualTo(key(routeB)).isEqualTo(key(m));
        // The same headers with another body are another mail.
        assertThat(key(m.replace("commit number 7", "commit number 8"))).isNotEqualTo(key(m));
    }

    @Test
    void attachmentsCountInTheKeyByTheirContent() throws Exception {
        String head = "Message-ID: <...>\nFrom: a@example.org\nSubject: core\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=ZZ\n\n--ZZ\nContent-Type: text/plain\n\nsee attached\n"
                + "--ZZ\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n";
        assertThat(key(head + "AAECAwQF\n--ZZ--\n")).isNotEqualTo(key(head + "BQQDAgEA\n--ZZ--\n"));
    }
}
