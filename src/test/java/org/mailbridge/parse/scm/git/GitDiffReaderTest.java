package org.mailbridge.parse.scm.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.ScmLimits;

class GitDiffReaderTest {

    @Test
    void hunkCountsTellContentFromTheFooter() {
        // The removed line "-- " looks like a mail signature separator; the hunk header says it
        // belongs to the diff. The "-- " after the hunk is the footer.
        LineCursor c = new LineCursor(String.join("\n",
                "diff --git a/NEWS b/NEWS",
                "index 1111111..2222222 100644",
                "--- a/NEWS",
                "+++ b/NEWS",
                "@@ -1,3 +1,2 @@",
                " Widget NEWS",
                "-- ",
                "+- 1.3: sockets",
                "-old line",
                "",
                "-- ",
                "footer"));
        DiffReader.Result r = DiffReader.read(c, MailBudget.unlimited().open());
        assertThat(r.complete()).isTrue();
        assertThat(r.files()).containsExactly(new DiffReader.FileChange("NEWS", 1, 2, true));
        assertThat(c.next()).isEmpty();
        assertThat(c.next()).isEqualTo("-- ");
    }

    @Test
    void aDiffCutByTheMailerIsIncomplete() {
        LineCursor c = new LineCursor(String.join("\n",
                "diff --git a/a.c b/a.c",
                "--- a/a.c",
                "+++ b/a.c",
                "@@ -1,2 +1,40 @@",
                " int x;",
                "+int y;",
                "... 38 lines suppressed ..."));
        DiffReader.Result r = DiffReader.read(c, MailBudget.unlimited().open());
        assertThat(r.complete()).isFalse();
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.complete()).isFalse();
            assertThat(f.additions()).isEqualTo(1);
        });
        assertThat(c.next()).isEqualTo("... 38 lines suppressed ...");
    }

    @Test
    void anEmptyContextLineWhoseSpaceWasStrippedStillCounts() {
        LineCursor c = new LineCursor("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n");
        assertThat(DiffReader.read(c, MailBudget.unlimited().open()).complete()).isTrue();
    }

    @Test
    void renamesDeletionsAndQuotedPathsNameTheRightFile() {
        LineCursor c = new LineCursor(String.join("\n",
                "diff --git a/old name.txt b/new name.txt",
                "similarity index 90%",
                "rename from old name.txt",
                "rename to new name.txt",
                "diff --git a/gone.c b/gone.c",
                "deleted file mode 100644",
                "--- a/gone.c",
                "+++ /dev/null",
                "@@ -1 +0,0 @@",
                "-int gone;",
                "diff --git \"a/caf\\303\\251.txt\" \"b/caf\\303\\251.txt\"",
                "new file mode 100644",
                "--- /dev/null",
                "+++ \"b/caf\\303\\251.txt\"",
                "@@ -0,0 +1 @@",
                "+bonjour",
                "diff --git a/logo.png b/logo.png",
                "Binary files a/logo.png and b/logo.png differ"));
        DiffReader.Result r = DiffReader.read(c, MailBudget.unlimited().open());
        assertThat(r.files()).extracting(DiffReader.FileChange::path)
                .containsExactly("new name.txt", "gone.c", "café.txt", "logo.png");
        assertThat(r.files()).extracting(DiffReader.FileChange::deletions).containsExactly(0, 1, 0, 0);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void combinedDiffsCountEachParentsColumn() {
        LineCursor c = new LineCursor(String.join("\n",
                "diff --cc a.txt",
                "index b8626c4,45d9e0e..63a911f",
                "--- a/a.txt",
                "+++ b/a.txt",
                "@@@ -1,1 -1,1 +1,1 @@@",
                "- 4",
                " -f3",
                "++m1",
                "",
                "-- "));
        DiffReader.Result r = DiffReader.read(c, MailBudget.unlimited().open());
        assertThat(r.combined()).isTrue();
        assertThat(r.complete()).isTrue();
        assertThat(c.peek()).isEmpty();
    }

    @Test
    void hunkHeadersAreReadStrictly() {
        assertThat(HunkHeader.counts("@@ -12,3 +12,4 @@ int main()")).containsExactly(3, 4);
        assertThat(HunkHeader.counts("@@ -1 +1 @@")).containsExactly(1, 1);
        assertThat(HunkHeader.counts("@@@ -1,1 -1,2 +1,3 @@@")).containsExactly(1, 2, 3);
        assertThat(HunkHeader.counts("@@ -1,99999999999 +1,1 @@")).isNull();
        assertThat(HunkHeader.counts("@@ +1,1 -1,1 @@")).isNull();
        assertThat(HunkHeader.counts("@@ -a,1 +1,1 @@")).isNull();
        assertThat(HunkHeader.counts("@ -1 +1 @")).isNull();
    }

    @Test
    void thePatchBufferDropsWholeLinesOnceFull() {
        MailBudget.Buffer b = MailBudget.unlimited().open();
        b.line("kept");
        assertThat(b.close()).isEqualTo("kept");
        MailBudget budget = new ScmLimits(10, 12, 100).budget();
        MailBudget.Buffer first = budget.open();
        first.line("12345");
        first.line("67890");
        assertThat(first.cut()).isTrue();
        assertThat(first.close()).isEqualTo("12345");
        MailBudget.Buffer second = budget.open();
        second.line("abcde");
        second.line("g");
        assertThat(second.cut()).isTrue(); // the first patch spent 6 of the mail's 12 characters
        assertThat(second.close()).isEqualTo("abcde");
    }

    @Test
    void diffstatsSayWhatTheyCan() {
        DiffStat s = DiffStat.read(new LineCursor(String.join("\n",
                " src/proto.h        |   3 +-",
                " src/proto_tables.c | 412 ++++++++++-------",
                " logo.png           | Bin 0 -> 1234 bytes",
                " 3 files changed, 245 insertions(+), 170 deletions(-)",
                " create mode 100644 logo.png",
                "",
                "diff --git a/x b/x")));
        assertThat(s.files()).extracting(DiffStat.Entry::path).containsExactly("src/proto.h", "src/proto_tables.c",
                "logo.png");
        assertThat(s.files().get(0).exact()).isFalse(); // 3 lines, but a graph of 2 signs: scaled
        assertThat(s.files().get(2).exact()).isTrue();
        assertThat(s.total()).isEqualTo(new DiffStat.Total(3, 245, 170));
        assertThat(DiffStat.total(" 1 files changed, 0 insertions(+), 1 deletions(-)"))
                .isEqualTo(new DiffStat.Total(1, 0, 1));
        assertThat(DiffStat.total(" 1 file changed, 10 insertions(+)")).isEqualTo(new DiffStat.Total(1, 10, 0));
        assertThat(DiffStat.total(" 2 files changed, 1 insertion(+), 1 deletion(-), 9 lemons")).isNull();
        assertThat(DiffStat.total(" a.txt | 2 +-")).isNull();
    }
}
