package org.mailbridge.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The one reading of deliver's command line on the fast path. */
class DeliverOptionsTest {
    @Test
    void everyOptionInBothForms() {
        assertThat(DeliverOptions.parse(new String[] {"-i", "m.eml", "--conf=c.toml", "--spool", "/var/spool/x"}))
                .isEqualTo(new DeliverOptions(Path.of("m.eml"), Path.of("c.toml"), Path.of("/var/spool/x"), null));
        assertThat(DeliverOptions.parse(new String[] {"--input=m.eml"}))
                .isEqualTo(new DeliverOptions(Path.of("m.eml"), null, null, null));
        assertThat(DeliverOptions.parse(new String[0])).isEqualTo(new DeliverOptions(null, null, null, null));
        assertThat(DeliverOptions.parse(new String[] {"-f", "koji@example.org"}).sender()).isEqualTo("koji@example.org");
        assertThat(DeliverOptions.parse(new String[] {"--sender=<>"}).sender()).isEqualTo("<>");
    }

    @Test
    void unknownArgumentsAndMissingValuesAreNamed() {
        assertThatThrownBy(() -> DeliverOptions.parse(new String[] {"--sppol", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown argument '--sppol'");
        assertThatThrownBy(() -> DeliverOptions.parse(new String[] {"--spool"}))
                .hasMessage("option --spool needs a value");
    }
}
