package com.example.backupd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.SenderPolicy;
import org.mailbridge.spi.Unknowns;

/**
 * Turns the job reports of "backupd", a made-up backup daemon, into {@code backup.job.finished}
 * events. A report looks like:
 *
 * <pre>
 * From: backupd@backup.example.org
 * Subject: [backupd] job nightly-db finished: ok
 * X-Backupd-Job: nightly-db
 *
 * Job: nightly-db
 * Status: ok
 * Bytes: 1048576
 * Duration: 42s
 * </pre>
 *
 * Settings ({@code [parsers.backupd]} in the bridge's configuration): {@code senders}, the
 * trusted senders (default {@code @backup.example.org}).
 */
public final class BackupdParser implements MailParser {
    private static final Pattern LINE = Pattern.compile("^(Job|Status|Bytes|Duration): (\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)s");

    // Set once in init, before any mail; read-only afterwards, so parse is thread-safe.
    private SenderPolicy senders = SenderPolicy.of(List.of("@backup.example.org"));

    @Override
    public String id() {
        return "backupd";
    }

    @Override
    public int order() {
        return 1000;
    }

    /** Checked: parse keeps its state on the stack and shares only immutable fields, so it may run on several threads at once. */
    @Override
    public boolean threadSafe() {
        return true;
    }

    @Override
    public Set<String> topics() {
        return Set.of("backup.job.finished");
    }

    @Override
    public void init(ParserContext context) throws ParserConfigException {
        context.settings().allowOnly(Set.of());
        senders = context.settings().senders(List.of("@backup.example.org"));
    }

    @Override
    public ParseOutcome parse(Mail mail) {
        // Cheap test first: anything without our header is somebody else's mail.
        Optional<String> job = mail.header("X-Backupd-Job");
        if (job.isEmpty()) {
            return ParseOutcome.notMine();
        }
        Map<String, String> lines = new LinkedHashMap<>();
        Matcher m = LINE.matcher(mail.text());
        while (m.find()) {
            lines.putIfAbsent(m.group(1), m.group(2));
        }
        if (!lines.containsKey("Status")) {
            return new ParseOutcome.Malformed("backupd report without a Status line");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job", job.get().strip());
        body.put("ok", lines.get("Status").equals("ok"));
        body.put("status", lines.get("Status"));
        body.put("bytes", lines.containsKey("Bytes") ? Long.valueOf(lines.get("Bytes")) : null);
        Matcher d = DURATION.matcher(lines.getOrDefault("Duration", ""));
        body.put("duration", d.matches() ? Long.valueOf(d.group(1)) : null);
        body.put("time", mail.date().map(t -> t.toEpochSecond()).orElse(null));
        // What the mail does not say is left neutral and listed, never guessed.
        Unknowns unknown = new Unknowns();
        for (String k : List.of("bytes", "duration", "time")) {
            if (body.get(k) == null) {
                unknown.add(Unknowns.key("", k));
            }
        }
        body.put(Unknowns.BODY_KEY, unknown.toMailbridge(Map.of()));
        EventDraft event = EventDraft.of("backup.job.finished", "backupd.job.finished.v1", body);
        return new ParseOutcome.Events(List.of(event), senders.check(mail));
    }
}
