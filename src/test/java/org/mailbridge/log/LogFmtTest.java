package org.mailbridge.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Log lines that hostile header values cannot break or forge. */
class LogFmtTest {
    @Test
    void quotesWhatNeedsQuotingAndFlattensLineBreaks() {
        String line = LogFmt.msg("quarantined").kv("mid", "<a@b>").kv("detail", "x \"y\"\nmsg=published").kv("n", 3)
                .kv("skip", null).toString();
        assertThat(line).isEqualTo("msg=quarantined mid=\"<a@b>\" detail=\"x \\\"y\\\" msg=published\" n=3");
        assertThat(line).doesNotContain("\n");
    }
}
