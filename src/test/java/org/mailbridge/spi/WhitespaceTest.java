package org.mailbridge.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one white-space rule the date readers and the privacy guard share. */
class WhitespaceTest {
    @Test
    void runsBecomeOneSpaceAndEndsGo() {
        assertThat(Whitespace.squash("  a\t\tb \n c  ")).isEqualTo("a b c");
        assertThat(Whitespace.squash("one")).isEqualTo("one");
        assertThat(Whitespace.squash(" \r\n\t ")).isEmpty();
    }
}
