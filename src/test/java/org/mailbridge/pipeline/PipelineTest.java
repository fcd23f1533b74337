package org.mailbridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.PublishException.Scope;
import org.mailbridge.publish.Router;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.RecordingPublisher;
import org.mailbridge.testing.TestMail;

/** One message through the pipeline, with fake brokers: every outcome leaves it somewhere. */
class PipelineTest {
    @TempDir
    Path dir;

    private Spool spool;

    private Pipeline pipeline(String toml, Map<String, RecordingPublisher> publishers) throws Exception {
        Config c = ConfigLoader.parse("spool = \"" + dir.resolve("spool") + "\"\nrules_dirs = []\n" + toml,
                dir.resolve("c.toml"), Map.of());
        spool = new Spool(c.spool());
        spool.ensureLayout();
        Dispatcher d = new Dispatcher(new Router(c.domains(), "org.fedoraproject.prod."), Map.copyOf(publishers));
        return new Pipeline(spool, Interpreters.create(c, FixedClock.CLOCK), d, false, 3, FixedClock.CLOCK);
    }

    private SpoolEntry claimed(TestMail mail) throws Exception {
        return spool.claim(spool.commit(spool.stage(new ByteArrayInputStream(mail.bytes())))).orElseThrow();
    }

    private static final String ONE = "unclaimed = \"publish\"\n[domains.main]\nurl = \"amqp://x\"\n";

    @Test
    void publishedMailIsGoneFromTheSpool() throws Exception {
        RecordingPublisher main = new RecordingPublisher("main");
        Pipeline p = pipeline(ONE, Map.of("main", main));
        Outcome o = p.process(claimed(TestMail.plain("ok")));
        assertThat(o).isInstanceOf(Outcome.Published.class);
        assertThat(main.published()).hasSize(1);
        assertThat(spool.waiting()).isEmpty();
        assertThat(spool.claimed()).isEmpty();
    }

    @Test
    void aConnectionFailureSendsTheMailBackToNewForEver() throws Exception {
        RecordingPublisher main = new RecordingPublisher("main")
                .failing(Scope.CONNECTION, Scope.CONNECTION, Scope.CONNECTION, Scope.CONNECTION);
        Pipeline p = pipeline(ONE, Map.of("main", main));
        SpoolEntry e = claimed(TestMail.plain("down"));
        for (int i = 0; i < 4; i++) {
            assertThat(p.process(e)).isInstanceOf(Outcome.Retry.class);
            assertThat(spool.waiting()).hasSize(1);
            e = spool.claim(spool.waiting().get(0)).orElseThrow();
        }
        assertThat(p.process(e)).isInstanceOf(Outcome.Published.class);
        assertThat(new Quarantine(spool).list()).isEmpty();
    }

    @Test
    void aMessageTheBrokerRefusesThreeTimesIsQuarantinedSoItCannotBlockTheOthers() throws Exception {
        RecordingPublisher main = new RecordingPublisher("main").failing(Scope.MESSAGE, Scope.MESSAGE, Scope.MESSAGE);
        Pipeline p = pipeline(ONE, Map.of("main", main));
        SpoolEntry e = claimed(TestMail.plain("poison"));
        assertThat(p.process(e)).isInstanceOf(Outcome.Retry.class);
        assertThat(p.process(spool.claim(spool.waiting().get(0)).orElseThrow())).isInstanceOf(Outcome.Retry.class);
        Outcome third = p.process(spool.claim(spool.waiting().get(0)).orElseThrow());
        assertThat(third).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.note().reason().code()).isEqualTo("publish-rejected"));
        assertThat(spool.waiting()).isEmpty();
        assertThat(new Quarantine(spool).list()).singleElement()
                .satisfies(i -> assertThat(i.note().detail()).contains("refused it 3 times"));
    }

    @Test
    void untrustedAndUnroutedMailIsQuarantinedAndNothingIsSent() throws Exception {
        RecordingPublisher a = new RecordingPublisher("a");
        RecordingPublisher b = new RecordingPublisher("b");
        Pipeline p = pipeline("""
                unclaimed = "publish"
                [parsers.mail]
                senders = ["@trusted.example.org"]
                [domains.a]
                url = "amqp://a"
                topics = ["bugzilla.#"]
                [domains.b]
                url = "amqp://b"
                topics = ["git.#"]
                """, Map.of("a", a, "b", b));
        Outcome untrusted = p.process(claimed(TestMail.plain("u")));
        assertThat(untrusted).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.note().reason().code()).isEqualTo("untrusted"));
        // (A Return-Path made this mail trusted before issue 9, F6; now only the envelope the transport gave.)
        Outcome unrouted = p.process(spool.claim(org.mailbridge.spool.Delivery.deliver(spool,
                org.mailbridge.spool.Spool.source(new ByteArrayInputStream(TestMail.plain("r").header("Sender", "x").bytes())),
                new org.mailbridge.spool.Envelope("deliver", "robot@trusted.example.org", List.of(), null, null, null))
                .entry()).orElseThrow());
        assertThat(unrouted).isInstanceOfSatisfying(Outcome.Quarantined.class,
                q -> assertThat(q.note().reason().code()).isEqualTo("no-route"));
        assertThat(a.published()).isEmpty();
        assertThat(b.published()).isEmpty();
        assertThat(new Quarantine(spool).list()).hasSize(2);
    }
}
