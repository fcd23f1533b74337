package org.mailbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [intake.smtp]} and {@code [intake.imap]}: defaults, checks, and unknown keys refused with their line. */
class IntakeConfigTest {
    @TempDir
    Path dir;

    private Config parse(String toml) throws Exception {
        return ConfigLoader.parse(toml, dir.resolve("config.toml"), Map.of());
    }

    @Test
    void noIntakeTableMeansNoIntake() throws Exception {
        assertThat(parse("").intake()).isEqualTo(IntakeSettings.NONE);
    }

    @Test
    void smtpDefaultsToLoopbackPort2525AndTheMessageSizeLimit() throws Exception {
        SmtpSettings s = parse("[limits]\nmax_message_size = \"1MiB\"\n[intake.smtp]\n").intake().smtp().orElseThrow();
        assertThat(s.listen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(s.listen().getPort()).isEqualTo(2525);
        assertThat(s.maxMessageSize()).isEqualTo(1L << 20);
        assertThat(s.recipients()).isEmpty();
        assertThat(s.auth()).isEmpty();
    }

    @Test
    void anUnknownSmtpKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("spool = \"/tmp/x\"\n[intake.smtp]\nlisten = \"127.0.0.1:2525\"\nlsiten = 1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.toml:4:")
                .hasMessageContaining("'intake.smtp.lsiten'");
        assertThatThrownBy(() -> parse("[intake.lmtp]\nlisten = \"127.0.0.1:24\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'intake.lmtp'");
    }

    @Test
    void listeningBeyondLoopbackNeedsTheRecipientsItServes() throws Exception {
        assertThatThrownBy(() -> parse("[intake.smtp]\nlisten = \"0.0.0.0:2525\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'intake.smtp.recipients'");
        assertThat(parse("[intake.smtp]\nlisten = \"0.0.0.0:2525\"\nrecipients = [\"*@bridge.example.org\"]\n")
                .intake().smtp().orElseThrow().recipients()).containsExactly("*@bridge.example.org");
    }

    @Test
    void imapTakesUserHostAndFolderFromTheUrlAndThePasswordOnlyFromAFile() throws Exception {
        Path pw = Files.writeString(dir.resolve("imap.pass"), "secret\n");
        ImapSettings s = parse("[intake.imap]\nurl = \"imaps://bridge@mail.example.org/Lists/bugs\"\n"
                + "password_file = \"imap.pass\"\npoll_interval = \"30s\"\n").intake().imap().orElseThrow();
        assertThat(s.tls()).isTrue();
        assertThat(s.port()).isEqualTo(993);
        assertThat(s.username()).isEqualTo("bridge");
        assertThat(s.folder()).isEqualTo("Lists/bugs");
        assertThat(s.passwordFile()).isEqualTo(pw);
        assertThat(s.after()).isEqualTo(ImapSettings.After.MOVE);
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.displayUrl()).doesNotContain("secret");

        assertThatThrownBy(() -> parse("[intake.imap]\nurl = \"imaps://bridge:secret@mail.example.org/INBOX\"\n"
                + "password_file = \"imap.pass\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no password in the URL")
                .hasMessageNotContaining("secret@");
        assertThatThrownBy(() -> parse("[intake.imap]\nurl = \"imaps://bridge@mail.example.org/\"\n"
                + "password_file = \"missing.pass\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'intake.imap.password_file'");
        assertThatThrownBy(() -> parse("[intake.imap]\nurl = \"imaps://bridge@mail.example.org/\"\n"
                + "password_file = \"imap.pass\"\nafter = \"keep\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'intake.imap.after'");
    }
}
