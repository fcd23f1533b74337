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
                .isEqualTo(new DeliverOptions(Path.of("m.eml"), Path.of("c.toml"), Path.of("/var/spool/x")));
        assertThat(DeliverOptions.parse(new String[] {"--input=m.eml"}))
                .isEqualTo(new DeliverOptions(Path.of("m.eml"), null, null));
        assertThat(DeliverOptions.parse(new String[0])).isEqualTo(new DeliverOptions(null, null, null));
    }

    @Test
    void unknownArgumentsAndMissingValuesAreNamed() {
        assertThatThrownBy(() -> DeliverOptions.parse(new String[] {"--sppol", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown argument '--sppol'");
        assertThatThrownBy(() -> DeliverOptions.parse(new String[] {"--spool"}))
                .hasMessage("option --spool needs a value");
    }
}
