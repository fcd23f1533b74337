package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mailbridge.event.Event;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.testing.FixedClock;

/**
 * Covers the bug where nine git-multimail mails whose Message-ID was the placeholder {@code <...>}
 * got one event id (datanommer keeps one message per id, so eight vanished): nine such mails,
 * nine commits, now give eighteen distinct ids; and the same mail by another route keeps its ids.
 */
class PlaceholderIdEventsTest {
    private static final Path DIR = GoldenFilesTest.ROOT.resolve("scm/git-multimail");

    @Test
    void ninePlaceholderIdMailsGetDistinctEventIds() throws Exception {
        Interpreter interpreter = Interpreters.create(GoldenFilesTest.configFor(DIR), FixedClock.CLOCK);
        String template = Files.readString(DIR.resolve("combined-single-commit.eml"))
                .replace("Message-ID: <172393201.4401.widget@scm.example.org>", "Message-ID: <...>");
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 9; i++) {
            String mail = template.replace("Fix a typo in the manual page", "Fix typo number " + i + " in the manual page");
            for (Event e : events(interpreter, mail)) {
                ids.add(e.id());
            }
        }
        assertThat(ids).hasSize(18); // each mail: a git.ref.update and a git.receive

        String once = template;
        String rerouted = "Received: from mx2.example.net by bridge2.example.org; Fri, 17 May 2024 08:01:00 -0000\n"
                + "Delivered-To: bridge@example.org\n" + template.replace("Return-Path: <git@scm.example.org>",
                        "Return-Path: <bounces@relay.example.net>");
        assertThat(events(interpreter, rerouted).stream().map(Event::id).toList())
                .isEqualTo(events(interpreter, once).stream().map(Event::id).toList());
    }

    private static java.util.List<Event> events(Interpreter interpreter, String mail) throws Exception {
        Interpretation r = interpreter.interpret(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), s -> { });
        assertThat(r).isInstanceOf(Interpretation.Publishable.class);
        return ((Interpretation.Publishable) r).events();
    }
}
