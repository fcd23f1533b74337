/**
 * Commit mail: the notifications of git, Subversion, Mercurial and CVS hooks turned into
 * commit events.
 *
 * <h2>Parsers</h2>
 * <table>
 * <caption>Built-in commit-mail parsers, in the order they are asked</caption>
 * <tr><th>id</th><th>order</th><th>mailer</th><th>topics</th><th>default {@code senders}</th></tr>
 * <tr><td>{@code git-multimail}</td><td>200</td><td>git-multimail (ref-change, per-commit, combined)</td>
 *     <td>{@code git.ref.*}, {@code git.receive}</td><td>none</td></tr>
 * <tr><td>{@code git-post-receive}</td><td>210</td><td>git's {@code contrib/hooks/post-receive-email}</td>
 *     <td>{@code git.ref.*}, {@code git.receive}</td><td>none</td></tr>
 * <tr><td>{@code dist-git}</td><td>220</td><td>Fedora dist-git's scm-commits mail</td>
 *     <td>{@code git.receive}, {@code git.ref.*}</td><td>{@code @fedoraproject.org}</td></tr>
 * <tr><td>{@code pagure-commits}</td><td>230</td><td>Pagure's "New Commits To" mail</td>
 *     <td>{@code git.receive}</td><td>{@code pagure@pagure.io}, {@code pagure@fedoraproject.org}</td></tr>
 * <tr><td>{@code svn}</td><td>300</td><td>mailer.py, svnnotify</td><td>{@code svn.commit}</td><td>none</td></tr>
 * <tr><td>{@code hg}</td><td>320</td><td>hgext.notify</td><td>{@code hg.commit}</td><td>none</td></tr>
 * <tr><td>{@code cvs}</td><td>340</td><td>syncmail, log_accum</td><td>{@code cvs.commit}</td><td>none</td></tr>
 * </table>
 * Most commit mailers send from whatever address a site configured (often the committer's), so
 * there is no safe default: until {@code [parsers.<id>] senders} names the sending host's
 * addresses, their mail is {@code untrusted} and the daemon quarantines it ({@code parse}
 * still shows the events). Every parser also accepts {@code enabled} and the {@link ScmLimits}
 * keys {@code max_patch}, {@code max_patch_total} and {@code max_events}; {@code svn} and
 * {@code cvs} accept {@code timezone} (the server's zone, for mailers that print local times),
 * {@code dist-git} accepts {@code user_domain} and {@code namespace}.
 *
 * <h2>Bodies</h2>
 * {@code git.receive} is fedora_messaging_git_hook's {@code commit.v1} (schema header
 * {@code fedora_messaging_git_hook.commit.v1}), so existing consumers read it. Every commit
 * event carries the SCM-neutral {@link ScmCore scm} object. A value the mail does not carry
 * is left neutral ({@code ""}, {@code 0}, {@code []}, {@code null}) and its path listed in
 * {@code body.mailbridge.unknown} (see {@link org.mailbridge.spi.Unknowns}); {@code mailbridge.date_source} says
 * whether a date is the commit's own or the mail's {@code Date} (see {@link CommitTime}).
 *
 * <h2>Reading</h2>
 * Bodies are read once, line by line, through {@link LineCursor}, without regular expressions,
 * looking at most a few lines ahead: time is linear in the mail's size whatever it contains.
 * A mail that claims a format (by its headers or first lines) but breaks it is
 * {@code Malformed} with a one-line reason, never an exception.
 */
package org.mailbridge.parse.scm;
