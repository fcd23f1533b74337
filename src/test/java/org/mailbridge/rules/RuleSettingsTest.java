package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.testing.FixedClock;

/** {@code [parsers.<id>]} for rule files: trusted senders replaced, a parser turned off, typos refused. */
class RuleSettingsTest {
    private static final String KOJI_MAIL = "From: koji@koji.example.com\nSubject: Package: a-1-1 Tag: f41 Status: complete"
            + " Built by: al\n\nID: 5\n";

    private static Interpreter interpreter(String toml) throws ConfigException {
        return Interpreters.create(ConfigLoader.parse("rules_dirs = []\nplugins_dir = \"/nonexistent\"\n" + toml,
                Path.of("/tmp/config.toml"), Map.of("XDG_DATA_HOME", "/nonexistent")), FixedClock.CLOCK);
    }

    private static Interpretation interpret(Interpreter in) throws Exception {
        return in.interpret(new ByteArrayInputStream(KOJI_MAIL.getBytes(StandardCharsets.UTF_8)), l -> { });
    }

    @Test
    void theSiteReplacesTheTrustedSenders() throws Exception {
        assertThat(((Interpretation.Publishable) interpret(interpreter(""))).trust().trusted()).isFalse();
        Interpreter site = interpreter("[parsers.koji]\nsenders = [\"@koji.example.com\"]\n");
        assertThat(((Interpretation.Publishable) interpret(site)).trust().trusted()).isTrue();
    }

    @Test
    void aShippedRuleFileCanBeTurnedOff() throws Exception {
        Interpreter in = interpreter("[parsers.koji]\nenabled = false\n");
        assertThat(in.parsers()).extracting(lp -> lp.parser().id()).doesNotContain("koji").contains("pagure");
        assertThat(interpret(in)).isInstanceOf(Interpretation.Unpublishable.class);
    }

    @Test
    void unknownSettingsAreRefused() {
        assertThatThrownBy(() -> interpreter("[parsers.koji]\nsender = [\"x@y.org\"]\n")).isInstanceOf(ConfigException.class)
                .hasMessage("unknown key 'parsers.koji.sender' (known: enabled, senders)");
    }
}
