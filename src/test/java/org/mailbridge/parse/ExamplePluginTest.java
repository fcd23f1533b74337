package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.config.Domain;
import org.mailbridge.consume.EventConsumer;
import org.mailbridge.daemon.Daemon;
import org.mailbridge.event.Event;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.spool.Spool;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.PluginJars;
import org.mailbridge.testing.TestBroker;
import org.mailbridge.testing.TestConfigs;

/**
 * The example plugin of {@code parsers/example-plugin}, loaded from a plugin directory the way
 * the daemon loads it. CI builds the plugin with its own Maven project (build.sh) and passes the
 * jar as {@code -Dmailbridge.examplePlugin=parsers/example-plugin/target/backupd-parser.jar};
 * without that property the test compiles the plugin's sources itself, so it always runs.
 */
class ExamplePluginTest {
    private static final Path PROJECT = Path.of("parsers/example-plugin");

    @TempDir
    Path tmp;

    private Path pluginJar(Path dir) throws Exception {
        String given = System.getProperty("mailbridge.examplePlugin", "");
        if (!given.isBlank()) {
            Path jar = Path.of(given);
            assertThat(jar).as("-Dmailbridge.examplePlugin names a built jar").isRegularFile();
            return Files.copy(jar, dir.resolve("backupd-parser.jar"));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Path src = PROJECT.resolve("src/main/java");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String cls = src.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", "");
                sources.put(cls, Files.readString(f));
            }
        }
        List<String> services = Files.readAllLines(PROJECT.resolve(
                "src/main/resources/META-INF/services/org.mailbridge.spi.MailParser"));
        return PluginJars.build(dir.resolve("backupd-parser.jar"), sources, services);
    }

    @Test
    void theExamplePluginLoadsAndParsesItsReport() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(plugins);
        Path conf = tmp.resolve("config.toml");
        Files.writeString(conf, "plugins_dir = \"plugins\"\nrules_dirs = []\n[parsers.backupd]\nsenders = [\"@backup.example.org\"]\n");
        Config config = ConfigLoader.parse(Files.readString(conf), conf, Map.of("XDG_DATA_HOME", tmp.toString()));
        Interpreter in = Interpreters.create(config, FixedClock.CLOCK);
        assertThat(in.parsers()).filteredOn(lp -> lp.parser().id().equals("backupd"))
                .singleElement().satisfies(lp -> {
                    assertThat(lp.kind()).isEqualTo(ParserRegistry.Kind.PLUGIN);
                    assertThat(lp.source()).endsWith("backupd-parser.jar");
                });
        Interpretation r;
        try (InputStream mail = Files.newInputStream(PROJECT.resolve("src/test/resources/report.eml"))) {
            r = in.interpret(mail, l -> { });
        }
        assertThat(r).isInstanceOf(Interpretation.Publishable.class);
        Event e = ((Interpretation.Publishable) r).events().get(0);
        assertThat(e.topic()).isEqualTo("org.fedoraproject.prod.backup.job.finished");
        assertThat(e.headers()).containsEntry("mailbridge_parser", "backupd").containsEntry("mailbridge_trust", "trusted");
        assertThat(e.body()).containsEntry("job", "nightly-db").containsEntry("ok", true)
                .containsEntry("bytes", 1048576L).containsEntry("duration", 42L).containsEntry("time", 1795834842L);
        in.registry().close();
    }

    @Test
    void aRunningDaemonLoadsThePluginAndPublishesItsEvent() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(plugins);
        Path spoolDir = tmp.resolve("spool");
        String url = TestBroker.get().url();
        Config config = TestConfigs.write(tmp, TestConfigs.toml(spoolDir, url)
                .replace("unclaimed = \"publish\"\n", "plugins_dir = \"plugins\"\n")
                + "[parsers.backupd]\nsenders = [\"@backup.example.org\"]\n");
        Domain direct = config.domains().get(0);
        try (EventConsumer consumer = EventConsumer.open(direct,
                List.of("org.fedoraproject.prod.backup.#"), Duration.ofSeconds(10))) {
            Daemon daemon = Daemon.start(config, Clock.systemUTC());
            Thread t = new Thread(daemon::run, "plugin-daemon");
            t.start();
            try {
                Spool spool = new org.mailbridge.spool.Spool(spoolDir);
                try (InputStream mail = Files.newInputStream(PROJECT.resolve("src/test/resources/report.eml"))) {
                    spool.commit(spool.stage(mail));
                }
                Optional<Event> e = consumer.next(Duration.ofSeconds(20));
                assertThat(e).as("the plugin's event, published by the daemon").isPresent();
                assertThat(e.get().topic()).isEqualTo("org.fedoraproject.prod.backup.job.finished");
                assertThat(e.get().headers()).containsEntry("mailbridge_parser", "backupd");
                assertThat(e.get().body()).containsEntry("job", "nightly-db");
            } finally {
                daemon.stop();
                assertThat(daemon.awaitStopped(Duration.ofSeconds(30))).isTrue();
                daemon.close();
            }
        }
    }

    @Test
    void mailbridgeParsersListsIt() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(plugins);
        Path conf = tmp.resolve("config.toml");
        Files.writeString(conf, "plugins_dir = \"plugins\"\nrules_dirs = []\n");
        StringWriter out = new StringWriter();
        int code = org.mailbridge.cli.CliAccess.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "parsers", "--conf", conf.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("(?m)^backupd +plugin +1000  \\S*backupd-parser\\.jar +backup\\.job\\.finished$")
                .containsPattern("(?m)^koji +rule +500  bundled:parsers/koji\\.toml ");
    }
}
