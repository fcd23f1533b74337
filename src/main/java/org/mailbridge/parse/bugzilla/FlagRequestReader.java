package org.mailbridge.parse.bugzilla;

import java.util.List;
import java.util.Optional;

import org.mailbridge.spi.Mail;

/**
 * Reads flag mail ({@code email/flagmail.txt.tmpl}), wrapped at 80 columns:
 * <pre>
 * Alice &lt;alice@example.org&gt; has asked Bob &lt;bob@example.org&gt; for review:
 * Bug 4242: Widget crash on start
 * https://bugzilla.example.org/show_bug.cgi?id=4242
 *
 * Attachment 77: patch v2
 * https://bugzilla.example.org/attachment.cgi?id=77&amp;action=edit
 * </pre>
 * then the new comments. The sentence may also read "has granted|denied|canceled
 * &lt;setter&gt;'s request for [&lt;requestee&gt;'s] &lt;flag&gt;:" or "has reassigned
 * &lt;setter&gt;'s request for &lt;flag&gt; to &lt;requestee&gt;:". Flag names hold no spaces.
 */
final class FlagRequestReader {
    private static final List<String> ACTIONS = List.of("asked", "reassigned", "granted", "denied", "canceled");

    private FlagRequestReader() {
    }

    static Bugmail read(Mail mail, BugmailHeaders headers) throws BugmailException {
        List<String> lines = BodyText.lines(BodyText.plainPart(mail));
        int link = BodyText.firstBugLink(lines);
        if (link < 0) {
            throw new BugmailException("flag mail without a show_bug.cgi link to the bug");
        }
        long bugId = BodyText.bugLinkId(lines.get(link));
        int bugLine = -1;
        for (int i = 0; i < link && bugLine < 0; i++) {
            String l = lines.get(i);
            int sp = l.indexOf(' ');
            if (sp > 0 && l.startsWith(bugId + ": ", sp + 1)) {
                bugLine = i;
            }
        }
        if (bugLine < 0) {
            throw new BugmailException("flag mail without its 'Bug " + bugId + ": <summary>' line");
        }
        Wrapped sentence = new Wrapped(Integer.MAX_VALUE);
        lines.subList(0, bugLine).forEach(sentence::add);
        Wrapped summary = new Wrapped(Integer.MAX_VALUE);
        lines.subList(bugLine, link).forEach(summary::add);
        String s = summary.value();
        s = s.substring(s.indexOf(": ") + 2);
        int next = link + 1;
        Optional<Comment.Attachment> attachment = Optional.empty();
        while (next < lines.size() && BodyText.blank(lines.get(next))) {
            next++;
        }
        if (next < lines.size() && lines.get(next).startsWith("Attachment ")) {
            Wrapped att = new Wrapped(Integer.MAX_VALUE);
            for (; next < lines.size() && !lines.get(next).contains("attachment.cgi?id="); next++) {
                att.add(lines.get(next));
            }
            if (next == lines.size()) {
                throw new BugmailException("flag mail names an attachment without its attachment.cgi link");
            }
            attachment = attachment(att.value());
            next++;
        }
        FlagRequest request = parseSentence(String.join(" ", BugmailHeaders.words(sentence.value())), s, attachment);
        List<Comment> comments = Comments.read(lines, Math.min(next, lines.size()), lines.size(), false, Optional.empty());
        return new Bugmail(BugmailType.REQUEST, headers, bugId, lines.get(link).strip(), List.of(), List.of(),
                comments, List.of(), Optional.of(request));
    }

    private static Optional<Comment.Attachment> attachment(String text) {
        int colon = text.indexOf(": ");
        long id = colon < 0 ? -1 : Numbers.positive(text.substring("Attachment ".length(), colon));
        return id > 0 ? Optional.of(new Comment.Attachment(id, text.substring(colon + 2))) : Optional.empty();
    }

    static FlagRequest parseSentence(String sentence, String summary, Optional<Comment.Attachment> attachment)
            throws BugmailException {
        int at = -1;
        String action = null;
        for (String a : ACTIONS) {
            int k = sentence.indexOf(" has " + a + " ");
            if (k >= 0 && (at < 0 || k < at)) {
                at = k;
                action = a;
            }
        }
        if (action == null || !sentence.endsWith(":")) {
            throw new BugmailException("flag mail sentence not understood: '" + abbreviate(sentence) + "'");
        }
        Identity actor = identity(sentence.substring(0, at));
        String rest = sentence.substring(at + 6 + action.length(), sentence.length() - 1).strip();
        Optional<Identity> setter = Optional.empty();
        Optional<Identity> requestee = Optional.empty();
        Optional<Identity> former = Optional.empty();
        String flag;
        if (action.equals("asked")) {
            int f = rest.startsWith("for ") ? 0 : rest.lastIndexOf(" for ") + 1;
            if (f < 0 || f == 0 && !rest.startsWith("for ")) {
                throw new BugmailException("flag mail asks for no flag: '" + abbreviate(sentence) + "'");
            }
            flag = rest.substring(f + 4).strip();
            requestee = f > 0 ? Optional.of(identity(rest.substring(0, f))) : Optional.empty();
        } else {
            int r = rest.indexOf("'s request for ");
            if (r > 0) {
                setter = Optional.of(identity(rest.substring(0, r)));
                rest = rest.substring(r + 15).strip();
            }
            int to = action.equals("reassigned") ? rest.lastIndexOf(" to ") : -1;
            if (to > 0) {
                requestee = Optional.of(identity(rest.substring(to + 4)));
                rest = rest.substring(0, to);
            }
            int sp = rest.lastIndexOf(' ');
            flag = rest.substring(sp + 1);
            if (sp > 0 && rest.substring(0, sp).endsWith("'s")) {
                Optional<Identity> earlier = Optional.of(identity(rest.substring(0, sp - 2)));
                if (action.equals("reassigned")) {
                    former = earlier;
                } else {
                    requestee = earlier;
                }
            }
        }
        if (flag.isEmpty() || flag.indexOf(' ') >= 0) {
            throw new BugmailException("flag mail names no flag: '" + abbreviate(sentence) + "'");
        }
        return new FlagRequest(actor, action, flag, setter, requestee, former, summary, attachment);
    }

    private static Identity identity(String text) throws BugmailException {
        return Identity.parse(text).orElseThrow(
                () -> new BugmailException("flag mail: '" + abbreviate(text.strip()) + "' is not a user"));
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
