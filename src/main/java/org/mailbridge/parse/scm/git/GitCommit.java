package org.mailbridge.parse.scm.git;

import java.util.Objects;
import java.util.Optional;

import org.mailbridge.parse.scm.CommitTime;
import org.mailbridge.parse.scm.Person;
import org.mailbridge.parse.scm.ScmCore;
import org.mailbridge.spi.Mail;

/**
 * What a mail tells about one commit, whichever mailer wrote it: the input of a
 * {@code git.receive} event.
 *
 * @param rev the full commit id
 * @param author the author (parts may be empty)
 * @param time when it was committed
 * @param summary the first line of the message
 * @param message the whole message, when the mail shows it
 * @param stats the statistics
 * @param patch the diff text, when the mail shows one
 * @param patchCut whether {@code patch} was cut to the configured size
 */
record GitCommit(String rev, Person author, CommitTime time, String summary, Optional<String> message,
                 CommitStats stats, Optional<String> patch, boolean patchCut) {
    GitCommit {
        Objects.requireNonNull(rev, "rev");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(patch, "patch");
    }

    /** A commit block read from the mail. */
    static GitCommit of(CommitBlock b, Mail mail) {
        return new GitCommit(b.rev(), b.author(), CommitTime.of(b.date(), mail), ScmCore.firstLine(b.message()),
                Optional.of(b.message()), b.stats(),
                b.patch().isEmpty() && !b.patchCut() ? Optional.empty() : Optional.of(b.patch()),
                b.patchCut());
    }
}
