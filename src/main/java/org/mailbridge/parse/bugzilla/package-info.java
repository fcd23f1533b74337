/**
 * The Bugzilla parser: bugmail of upstream Bugzilla 4.x/5.x and bugzilla.redhat.com into
 * bugzilla2fedmsg {@code messageV1bz4} events.
 *
 * <p>The flow, one class per step: {@link org.mailbridge.parse.bugzilla.BugzillaParser} dispatches
 * on {@code X-Bugzilla-Type}; {@code BugmailHeaders} reads the {@code X-Bugzilla-*} fields;
 * {@code BugmailReader} (new, changed, dep_changed) and {@code FlagRequestReader} (request) read
 * the text part into a {@code Bugmail}, with {@code ChangeTable}, {@code NewBugTable},
 * {@code Wrapped} (the rejoin rule), {@code HtmlTables} (the HTML alternative's unwrapped cells),
 * {@code Comments} and {@code ReferencedBugs}; {@code BugzillaEvent} builds the body from
 * {@code BugObject}, {@code EventObject} and {@code CommentObject}; {@code InstanceTrust} gives
 * the verdict.
 *
 * <p>A value the mail does not carry is never guessed: it is written in the schema's neutral
 * form and its path listed in {@code body.mailbridge.unknown}. Every scan is a single pass over
 * the lines or characters, so hostile mail costs time linear in its size.
 */
package org.mailbridge.parse.bugzilla;
