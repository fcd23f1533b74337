package org.mailbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.Router;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.PluginJars;
import org.mailbridge.testing.RecordingPublisher;

/**
 * The SPI boundary, with a real plugin jar: what a plugin hands over is checked where its draft
 * becomes an event, and a plugin call is bounded in time. Covers the bug where a body holding an
 * {@code Optional} failed to serialise inside the publisher, was taken for a lost connection,
 * and sent the mail back to {@code new/} for ever, stalling the spool.
 */
class PluginBoundaryTest {
    @TempDir
    Path dir;

    private Spool spool;
    private RecordingPublisher main;

    private Pipeline pipeline(String pluginCode) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("odd.jar"), Map.of("ex.Odd",
                PluginJars.parser("ex", "Odd", "odd", "ODD", pluginCode)), List.of("ex.Odd"));
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nrules_dirs = []\nplugins_dir = \""
                + plugins + "\"\n[limits]\nplugin_timeout = \"300ms\"\n[domains.main]\nurl = \"amqp://x\"\n",
                dir.resolve("c.toml"), Map.of());
        spool = new Spool(c.spool());
        spool.ensureLayout();
        main = new RecordingPublisher("main");
        Dispatcher d = new Dispatcher(new Router(c.domains(), "org.fedoraproject.prod."), Map.of("main", main));
        return new Pipeline(spool, Interpreters.create(c, FixedClock.CLOCK), d, false, 3, FixedClock.CLOCK);
    }

    private SpoolEntry claimed(String subject) throws Exception {
        String mail = "From: a@example.org\nSubject: " + subject + "\nMessage-ID: <" + subject.hashCode()
                + "@example.org>\n\nhi\n";
        return spool.claim(spool.commit(spool.stage(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)))))
                .orElseThrow();
    }

    @Test
    void aBodyThatIsNotJsonQuarantinesTheMailAsParserErrorAndNeverReachesAPublisher() throws Exception {
        Pipeline p = pipeline("""
                if (mail.subject().contains("optional")) {
                    Map<String, Object> bad = new LinkedHashMap<>();
                    bad.put("run", Map.of("when", Optional.empty()));
                    return new ParseOutcome.Events(List.of(EventDraft.of("odd.event", "odd.v1", bad)),
                            TrustVerdict.TRUSTED);
                }
                """);
        Outcome o = p.process(claimed("ODD optional"));
        assertThat(o).isInstanceOf(Outcome.Quarantined.class);
        Quarantine.Item q = new Quarantine(spool).list().get(0);
        assertThat(q.note().reason()).isEqualTo(QuarantineReason.PARSER_ERROR);
        assertThat(q.note().parser()).isEqualTo("odd");
        assertThat(q.note().detail()).contains("body.run.when").contains("java.util.Optional");
        assertThat(main.published()).isEmpty();
        assertThat(spool.waiting()).as("not sent back for a retry").isEmpty();

        assertThat(p.process(claimed("ODD fine"))).isInstanceOf(Outcome.Published.class);
        assertThat(main.published()).hasSize(1);
    }

    @Test
    void aPluginThatDoesNotAnswerInTimeQuarantinesThatMailAndTheNextOneGoesThrough() throws Exception {
        Pipeline p = pipeline("""
                if (mail.subject().contains("slow")) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        return ParseOutcome.notMine();
                    }
                }
                """);
        long start = System.nanoTime();
        Outcome o = p.process(claimed("ODD slow"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("bounded, far below the plugin's minute").isLessThan(30_000);
        assertThat(o).isInstanceOf(Outcome.Quarantined.class);
        Quarantine.Item q = new Quarantine(spool).list().get(0);
        assertThat(q.note().reason()).isEqualTo(QuarantineReason.PARSER_ERROR);
        assertThat(q.note().detail()).isEqualTo("parser did not answer within 300 ms");
        assertThat(main.published()).isEmpty();

        assertThat(p.process(claimed("ODD quick"))).isInstanceOf(Outcome.Published.class);
    }
}
