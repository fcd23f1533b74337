package org.mailbridge.parse.bugzilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailbridge.event.Event;
import org.mailbridge.mail.MalformedMailException;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParseOutcome;

/**
 * Every golden bugmail, cut and damaged in many seeded ways (truncated, lines dropped or
 * doubled, bytes changed): the parser answers with an outcome every time, never an exception,
 * and quickly; any event it still makes has one of its topics and a body that is JSON.
 */
class BugzillaMutationTest {
    private static final int ROUNDS = 150;

    static Stream<Path> mails() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/mail/bugzilla"))) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void damagedBugmailNeverThrows(Path eml) throws Exception {
        byte[] original = Files.readAllBytes(eml);
        Random random = new Random(eml.getFileName().toString().hashCode());
        BugzillaParser parser = new BugzillaParser();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < ROUNDS; i++) {
                byte[] damaged = damage(original, random);
                Mail mail;
                try {
                    mail = Bugmails.read(damaged);
                } catch (MalformedMailException e) {
                    continue; // the reader refused it: not the parser's to answer
                }
                ParseOutcome o = parser.parse(mail);
                // Not throwing is the first check; what it does make must still be a sound event.
                if (o instanceof ParseOutcome.Events ev) {
                    for (EventDraft d : ev.events()) {
                        assertThat(parser.topics()).as("round %d", i).contains(d.topic());
                        assertThatCode(() -> new Event("id", d.topic(), Map.of(), d.body()))
                                .as("round %d: the body is JSON", i).doesNotThrowAnyException();
                    }
                }
            }
        });
    }

    private static byte[] damage(byte[] raw, Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return Arrays.copyOf(raw, r.nextInt(raw.length + 1));
            case 1: {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.ISO_8859_1)
                        .split("\n", -1)));
                int drop = r.nextInt(lines.size());
                lines.remove(drop);
                return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 2: {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.ISO_8859_1)
                        .split("\n", -1)));
                int dup = r.nextInt(lines.size());
                lines.add(dup, lines.get(dup));
                return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
            }
            default: {
                byte[] out = raw.clone();
                String noise = "|:=-<>( )#\n\u00ff";
                for (int k = 0; k < 8; k++) {
                    out[r.nextInt(out.length)] = (byte) noise.charAt(r.nextInt(noise.length()));
                }
                return out;
            }
        }
    }
}
