package org.mailbridge.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The on-disk reason codes: operators and {@code replay --reason} depend on them never changing. */
class QuarantineReasonTest {
    @Test
    void theCodesAreTheReleasedOnes() {
        assertThat(Arrays.stream(QuarantineReason.values()).map(QuarantineReason::code))
                .contains("not-mail", "oversized", "unreadable", "malformed", "no-parser", "ignored", "parse-error",
                        "parser-error", "untrusted", "no-route", "publish-rejected", "unknown")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyCodeReadsBackAsItsReason() {
        for (QuarantineReason r : QuarantineReason.values()) {
            QuarantineNote n = QuarantineNote.parse(QuarantineNote.of(r, "x").format());
            assertThat(n.reason()).isEqualTo(r);
            assertThat(n.format()).startsWith("reason: " + r.code() + "\n");
        }
    }

    @Test
    void aReasonThisVersionDoesNotKnowReadsAsUnknown() {
        assertThat(QuarantineNote.parse("reason: from-the-future\ndetail: x\n").reason())
                .isEqualTo(QuarantineReason.UNKNOWN);
        assertThat(QuarantineNote.parse("detail: no reason line\n").reason()).isEqualTo(QuarantineReason.UNKNOWN);
        assertThat(QuarantineReason.fromCode("no-parser")).contains(QuarantineReason.NO_PARSER);
        assertThat(QuarantineReason.fromCode("No-Parser")).isEmpty();
    }
}
