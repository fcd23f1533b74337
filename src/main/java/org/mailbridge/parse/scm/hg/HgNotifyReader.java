package org.mailbridge.parse.scm.hg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MailBudget;
import org.mailbridge.parse.scm.MalformedScmMail;

/**
 * The body of Mercurial's {@code hgext/notify.py}. One block per changeset:
 * <pre>
 * changeset 00a13f371396 in /srv/hg/widget
 * details: https://hg.example.org/widget?cmd=changeset;node=00a13f371396
 * description:                          (incoming hook: one mail per changeset)
 * 	first line
 * 	second line
 * summary: first line                   (changegroup hook: one mail per push)
 * </pre>
 * then, for the whole mail, {@code diffstat:} and {@code diffs (N lines):} sections (either may
 * say {@code truncated from A to B lines}). Lines such as {@code user:}, {@code date:} or
 * {@code branch:} that sites add to the template are read too.
 *
 * @param changesets the blocks, in order
 * @param files the paths of the mail's diff or diffstat, when shown completely; else null
 * @param diffDate the new side's date label of the first file in the diff
 *     ({@code +++ b/a	Thu Jan 01 00:00:01 1970 +0000}), or empty
 */
record HgNotifyReader(List<Block> changesets, List<String> files, String diffDate) {
    private static final String CHANGESET = "changeset ";

    /**
     * One changeset block.
     *
     * @param node the id as printed (notify prints 12 hex digits)
     * @param root the repository path as printed
     * @param url the {@code details:} link, or null
     * @param description the full description ({@code description:}), or null
     * @param summary the first line ({@code summary:}), or null
     * @param user the {@code user:}/{@code author:} line, or empty
     * @param date the {@code date:} line, or empty
     */
    record Block(String node, String root, String url, String description, String summary, String user, String date) {
    }

    /** Whether a line starts a changeset block: {@code changeset <hex> in <root>} or {@code changeset <hex>}. */
    static boolean isChangesetLine(String line) {
        if (!line.startsWith(CHANGESET)) {
            return false;
        }
        int end = line.indexOf(' ', CHANGESET.length());
        return isHex(end < 0 ? line.substring(CHANGESET.length()) : line.substring(CHANGESET.length(), end));
    }

    static HgNotifyReader read(String body, MailBudget budget) throws MalformedScmMail {
        LineCursor c = new LineCursor(body);
        List<Block> blocks = new ArrayList<>();
        while (c.hasNext()) {
            String line = c.peek();
            if (isChangesetLine(line)) {
                budget.commit();
                blocks.add(block(c));
            } else if (line.startsWith("diffstat") || line.startsWith("diffs (")) {
                break;
            } else {
                c.next();
            }
        }
        if (blocks.isEmpty()) {
            throw new MalformedScmMail("no \"changeset <id> in <repository>\" line");
        }
        return tail(c, blocks);
    }

    private static Block block(LineCursor c) {
        String head = c.next().substring(CHANGESET.length());
        int in = head.indexOf(" in ");
        String node = in < 0 ? head.strip() : head.substring(0, in);
        String root = in < 0 ? "" : head.substring(in + 4).strip();
        String url = null;
        String description = null;
        String summary = null;
        String user = "";
        String date = "";
        while (c.hasNext() && !isChangesetLine(c.peek()) && !c.peek().startsWith("diffstat")
                && !c.peek().startsWith("diffs (")) {
            String line = c.next();
            if (line.startsWith("details:")) {
                url = line.substring(8).strip();
            } else if (line.startsWith("summary:")) {
                summary = line.substring(8).strip();
            } else if (line.startsWith("user:") || line.startsWith("author:")) {
                user = line.substring(line.indexOf(':') + 1).strip();
            } else if (line.startsWith("date:")) {
                date = line.substring(5).strip();
            } else if (line.startsWith("description:")) {
                description = description(line.substring(12), c);
            }
        }
        return new Block(node, root, url, description, summary, user, date);
    }

    /** TAB-indented lines and the empty lines between them, indentation removed. */
    private static String description(String sameLine, LineCursor c) {
        StringBuilder b = new StringBuilder(sameLine.strip());
        int blanks = 0;
        while (c.hasNext() && (c.peek().startsWith("\t") || c.peek().isEmpty())) {
            String line = c.next();
            if (line.isEmpty()) {
                blanks++;
                continue;
            }
            if (b.length() > 0) {
                b.append("\n".repeat(blanks + 1));
            }
            blanks = 0;
            b.append(line, 1, line.length());
        }
        return b.toString();
    }

    /** The diffstat and diff sections: the paths and the first new-side date. */
    private static HgNotifyReader tail(LineCursor c, List<Block> blocks) {
        Set<String> statFiles = new LinkedHashSet<>();
        Set<String> diffFiles = new LinkedHashSet<>();
        boolean statWhole = false;
        boolean diffWhole = false;
        String date = "";
        String section = "";
        while (c.hasNext()) {
            String line = c.next();
            if (line.startsWith("diffstat")) {
                section = "stat";
                statWhole = line.equals("diffstat:");
            } else if (line.startsWith("diffs (")) {
                section = "diff";
                diffWhole = !line.contains("truncated");
            } else if (section.equals("stat") && line.startsWith(" ") && line.contains(" | ")) {
                statFiles.add(line.substring(0, line.lastIndexOf(" | ")).strip());
            } else if (section.equals("diff") && line.startsWith("diff -r ")) {
                diffFiles.add(diffPath(line));
            } else if (section.equals("diff") && line.startsWith("+++ ") && date.isEmpty()) {
                int tab = line.indexOf('\t');
                date = tab < 0 ? "" : line.substring(tab + 1).strip();
            }
        }
        List<String> files = diffWhole && !diffFiles.isEmpty() ? List.copyOf(diffFiles)
                : statWhole && !statFiles.isEmpty() ? List.copyOf(statFiles) : null;
        return new HgNotifyReader(blocks, files, date);
    }

    /** {@code diff -r 0cd96de13884 -r 00a13f371396 path}: the path after the revisions. */
    private static String diffPath(String line) {
        int i = 0;
        String rest = line.substring(5);
        while (rest.startsWith("-r ", i)) {
            int sp = rest.indexOf(' ', i + 3);
            if (sp < 0) {
                return "";
            }
            i = sp + 1;
        }
        return rest.substring(i).strip();
    }

    private static boolean isHex(String s) {
        if (s.length() < 12 || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
