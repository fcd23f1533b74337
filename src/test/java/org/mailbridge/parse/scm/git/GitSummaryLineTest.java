package org.mailbridge.parse.scm.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitSummaryLineTest {

    @Test
    void gitMultimailLines() {
        assertThat(SummaryLine.parse("     new d245c99  m1")).isEqualTo(new SummaryLine("new", "d245c99", "m1"));
        assertThat(SummaryLine.parse("    from ebf40e1  a4")).isEqualTo(new SummaryLine("from", "ebf40e1", "a4"));
        assertThat(SummaryLine.parse(" discard 902dfe1  a5")).isEqualTo(new SummaryLine("discard", "902dfe1", "a5"));
        assertThat(SummaryLine.parse("      at bc4a4a6  (tag)")).isEqualTo(new SummaryLine("at", "bc4a4a6", "(tag)"));
    }

    @Test
    void olderGitMultimailWroteThirdPersonKeywords() {
        assertThat(SummaryLine.parse("      adds  1b2c3d4   Share the help text"))
                .isEqualTo(new SummaryLine("add", "1b2c3d4", "Share the help text"));
        assertThat(SummaryLine.parse("     omits  47ef1f8   f5").action()).isEqualTo("omit");
        assertThat(SummaryLine.parse("  discards  902dfe1   a5").action()).isEqualTo("discard");
    }

    @Test
    void postReceiveEmailLines() {
        String sha = "4c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f";
        assertThat(SummaryLine.parse("       via  " + sha + " (commit)")).isEqualTo(new SummaryLine("via", sha, "(commit)"));
        assertThat(SummaryLine.parse(" tagged by  Alice Maintainer"))
                .isEqualTo(new SummaryLine("tagged by", null, "Alice Maintainer"));
        assertThat(SummaryLine.parse("  replaces  v1.2")).isEqualTo(new SummaryLine("replaces", null, "v1.2"));
    }

    @Test
    void aRevisionCutByEmailmaxlinelengthIsNotTrusted() {
        assertThat(SummaryLine.parse("     new d2e [...]")).isEqualTo(new SummaryLine("new", null, "d2e [...]"));
        assertThat(SummaryLine.parse("     new d2e3f40 [...]").rev()).isNull();
        SummaryLine whole = SummaryLine.parse("     new d2e3f40  Traducir [...]");
        assertThat(whole.rev()).isEqualTo("d2e3f40");
        assertThat(whole.cut()).isTrue();
        assertThat(SummaryLine.parse("    from [...]")).isEqualTo(new SummaryLine("from", null, "[...]"));
    }

    @Test
    void otherLinesAreNotSummaryLines() {
        assertThat(SummaryLine.parse("new d245c99  m1")).isNull(); // keywords are right-aligned
        assertThat(SummaryLine.parse(" * -- * -- B -- O")).isNull();
        assertThat(SummaryLine.parse(" a.txt | 2 +-")).isNull();
        assertThat(SummaryLine.parse("      new configuration format").rev()).isNull();
        assertThat(SummaryLine.parse("")).isNull();
    }
}
