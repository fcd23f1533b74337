package org.mailbridge.parse.scm.cvs;

import java.util.ArrayList;
import java.util.List;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;

/**
 * The body of CVS's contrib {@code log_accum.pl}, which gathers a commit spanning several
 * directories into one mail:
 * <pre>
 * CVSROOT:	/cvs/widget
 * Module name:	widget
 * Changes by:	alice@cvs.example.org	04/06/24 07:57:22
 *
 * Modified files:
 * 	widget         : ChangeLog
 * 	widget/src     : config.c main.c
 * 	                 util.c
 *
 * Log message:
 * 	the message, indented by a TAB
 * </pre>
 * The date has no time zone. Files are reported relative to the deepest directory all of them
 * share.
 */
final class LogAccumReader {
    private LogAccumReader() {
    }

    /** Whether a body opens with {@code CVSROOT:} and {@code Module name:} lines. */
    static boolean opens(String body) {
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        return c.hasNext() && c.next().startsWith("CVSROOT:") && c.hasNext() && c.next().startsWith("Module name:");
    }

    static CvsCommit read(String body) throws MalformedScmMail {
        CvsCommit s = new CvsCommit();
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        while (c.hasNext() && !c.peek().isBlank()) {
            String line = c.next();
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (key) {
                case "CVSROOT" -> s.root = value;
                case "Module name" -> s.module = value;
                case "Branch", "Tag" -> s.branch = value;
                case "Changes by" -> changesBy(s, value);
                default -> { }
            }
        }
        List<String[]> entries = new ArrayList<>(); // {dir, file}
        List<String> kinds = new ArrayList<>();
        String kind = null;
        String dir = "";
        while (c.hasNext()) {
            String line = c.next();
            if (line.equals("Log message:")) {
                readLog(c, s);
                break;
            }
            if (!line.startsWith("\t")) {
                kind = s.section(line.strip()) != null ? line.strip() : null;
                continue;
            }
            if (kind == null) {
                continue;
            }
            String rest = line.substring(1);
            int colon = rest.indexOf(':');
            if (!rest.startsWith(" ") && colon > 0) {
                dir = rest.substring(0, colon).strip();
                rest = rest.substring(colon + 1);
            }
            for (String f : rest.strip().split(" ")) {
                if (!f.isEmpty()) {
                    entries.add(new String[] {dir, f});
                    kinds.add(kind);
                }
            }
        }
        if (!s.messageSeen) {
            throw new MalformedScmMail("no \"Log message:\" section");
        }
        s.directory = commonDir(entries);
        for (int i = 0; i < entries.size(); i++) {
            String[] e = entries.get(i);
            String full = e[0].isEmpty() ? e[1] : e[0] + "/" + e[1];
            String rel = s.directory.isEmpty() ? full : full.substring(s.directory.length() + 1);
            s.section(kinds.get(i)).add(rel);
        }
        return s;
    }

    /** {@code alice@cvs.example.org<TAB>04/06/24 07:57:22}: the login, and the date as printed. */
    private static void changesBy(CvsCommit s, String value) {
        int tab = value.indexOf('\t');
        String who = (tab < 0 ? value : value.substring(0, tab)).strip();
        int at = who.indexOf('@');
        s.author = at > 0 ? who.substring(0, at) : who;
        s.dateText = tab < 0 ? "" : value.substring(tab + 1).strip();
    }

    /** TAB-indented lines and blank lines, indentation removed. */
    private static void readLog(LineCursor c, CvsCommit s) {
        StringBuilder b = new StringBuilder();
        while (c.hasNext() && (c.peek().startsWith("\t") || c.peek().isBlank())) {
            String line = c.next();
            b.append(line.startsWith("\t") ? line.substring(1) : "").append('\n');
        }
        s.message = b.toString().strip();
        s.messageSeen = true;
    }

    /** The deepest directory every entry lies in, or empty. */
    private static String commonDir(List<String[]> entries) {
        String common = null;
        for (String[] e : entries) {
            String d = e[0];
            if (common == null) {
                common = d;
            }
            while (!common.isEmpty() && !(d.equals(common) || d.startsWith(common + "/"))) {
                int slash = common.lastIndexOf('/');
                common = slash < 0 ? "" : common.substring(0, slash);
            }
        }
        return common == null ? "" : common;
    }
}
