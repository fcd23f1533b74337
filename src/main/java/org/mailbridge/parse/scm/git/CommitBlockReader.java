package org.mailbridge.parse.scm.git;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.Person;
import org.mailbridge.parse.scm.ScmDates;

/**
 * Reads {@link CommitBlock}s: the medium/fuller format of {@code git log} and {@code git show}
 * (with git-multimail's {@code AuthorDate:} substitute), optionally followed by a diffstat and a
 * diff, as git-multimail, post-receive-email's {@code showrev} and dist-git's mailer print them.
 */
final class CommitBlockReader {
    private static final String INDENT = "    ";

    private CommitBlockReader() {
    }

    /** Whether the cursor's next line starts a commit block. */
    static boolean atCommit(LineCursor c) {
        return c.hasNext() && GitRevs.commitLine(c.peek()) != null;
    }

    /**
     * Reads one block, from its {@code commit} line to the first line that belongs to none of its
     * parts.
     *
     * @throws MalformedScmMail when the header lines are not those of a commit
     */
    static CommitBlock read(LineCursor c, MailBudget budget) throws MalformedScmMail {
        budget.commit();
        String rev = GitRevs.commitLine(c.next());
        List<String> parents = new ArrayList<>();
        Person author = null;
        Optional<OffsetDateTime> authorDate = Optional.empty();
        Optional<OffsetDateTime> commitDate = Optional.empty();
        while (c.hasNext() && !c.peek().isBlank() && !c.peek().startsWith(INDENT)) {
            String line = c.next();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedScmMail("line " + c.lineNumber() + ": expected a header line of commit " + rev);
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "Merge" -> parents.addAll(List.of(value.split(" ")));
                case "Author" -> author = Person.parse(value);
                case "CommitDate" -> commitDate = ScmDates.git(value);
                case "Date", "AuthorDate" -> authorDate = ScmDates.git(value);
                default -> { } // Commit:, Reflog: and other headers say nothing commit.v1 needs
            }
        }
        if (author == null) {
            throw new MalformedScmMail("commit " + rev + " has no Author line");
        }
        String message = readMessage(c);
        skipSeparators(c);
        DiffStat stat = null;
        if (c.hasNext() && DiffStat.isStatLine(c.peek())) {
            stat = DiffStat.read(c);
            skipSeparators(c);
        }
        DiffReader.Result diff = null;
        MailBudget.Buffer patch = budget.open();
        if (c.hasNext() && DiffReader.isFileStart(c.peek())) {
            diff = DiffReader.read(c, patch);
        }
        CommitStats stats = CommitStats.of(stat, diff, parents.size() > 1);
        Optional<OffsetDateTime> date = commitDate.isPresent() ? commitDate : authorDate;
        // A diff the mailer cut short (emailmaxlines) is as partial as one cut by our own limit.
        boolean cut = patch.cut() || diff != null && !diff.complete();
        return new CommitBlock(rev, parents, author, date, message, stats,
                patch.close(), cut);
    }

    /** The message: indented lines and blank lines between them, indentation removed. */
    private static String readMessage(LineCursor c) {
        c.skipBlank();
        StringBuilder b = new StringBuilder();
        int blanks = 0;
        while (c.hasNext()) {
            String line = c.peek();
            if (line.isBlank()) {
                blanks++;
            } else if (line.startsWith(INDENT)) {
                if (b.length() > 0) {
                    b.append("\n".repeat(blanks + 1));
                }
                blanks = 0;
                b.append(line, INDENT.length(), line.length());
            } else {
                break;
            }
            c.next();
        }
        return b.toString();
    }

    /** Skips blank lines and the {@code ---} git prints between a message and its diffstat. */
    private static void skipSeparators(LineCursor c) {
        while (c.hasNext() && (c.peek().isBlank() || c.peek().equals("---"))) {
            c.next();
        }
    }
}
