package com.example.backupd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.Address;
import org.mailbridge.spi.Header;
import org.mailbridge.spi.Headers;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailPart;
import org.mailbridge.spi.ParseOutcome;

class BackupdParserTest {
    private static Mail mail(String job, String text) {
        List<Header> hs = job == null ? List.of() : List.of(new Header("X-Backupd-Job", job, job));
        return new Mail(new Headers(hs), Map.of("from", List.of(new Address("", "backupd@backup.example.org"))),
                List.of(new MailPart("text/plain", "utf-8", "", "", text, text.length(), false)),
                Optional.empty(), Optional.empty(), "<t@example.org>", text.length());
    }

    @Test
    void aReportBecomesAnEvent() {
        ParseOutcome o = new BackupdParser().parse(mail("nightly-db", "Job: nightly-db\nStatus: ok\nBytes: 5\nDuration: 42s\n"));
        ParseOutcome.Events e = assertInstanceOf(ParseOutcome.Events.class, o);
        assertTrue(e.trust().trusted());
        assertEquals("backup.job.finished", e.events().get(0).topic());
        assertEquals(5L, e.events().get(0).body().get("bytes"));
        assertEquals(42L, e.events().get(0).body().get("duration"));
    }

    @Test
    void otherMailIsNotMine() {
        assertInstanceOf(ParseOutcome.NotMine.class, new BackupdParser().parse(mail(null, "Status: ok\n")));
    }
}
