package org.mailbridge.intake.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.mailbridge.config.ImapSettings;
import org.mailbridge.spool.Delivery;
import org.mailbridge.intake.Gate;
import org.mailbridge.log.LogFmt;
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the open mailbox: every message not yet handled is put into the spool, then
 * moved, flagged or deleted on the server, in that order, so a crash in between fetches it
 * again instead of losing it; the {@link SeenLog} then recognises it and it is only moved.
 */
final class MailboxPass {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxPass.class);
    /** A msg-id that identifies a message (not {@code <>}, no spaces, a real left part). */
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");

    private final ImapSettings settings;
    private final Spool spool;
    private final Gate gate;
    private final SeenLog seen;
    private final CrashPoint crash;

    /** Where a test stops the intake as a crash would; {@link #NONE} in production. */
    interface CrashPoint {
        CrashPoint NONE = where -> { };

        /** Called at {@code "spooled"} (committed, not yet in the seen-log) and {@code "recorded"}. */
        void at(String where);
    }

    MailboxPass(ImapSettings settings, Spool spool, Gate gate, SeenLog seen, CrashPoint crash) {
        this.settings = settings;
        this.spool = spool;
        this.gate = gate;
        this.seen = seen;
        this.crash = crash;
    }

    /** Handles what is waiting; returns how many messages were spooled. */
    int run(IMAPFolder folder) throws MessagingException, IOException {
        Message[] waiting = settings.after() == ImapSettings.After.FLAG
                ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)) : folder.getMessages();
        long uidValidity = folder.getUIDValidity();
        List<Message> done = new ArrayList<>();
        int spooled = 0;
        for (Message m : waiting) {
            if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            long uid = folder.getUID(m);
            String mid = messageId(m);
            if (!seen.contains(uidValidity, uid, mid)) {
                if (!gate.enter()) {
                    break;
                }
                try {
                    spool(folder, (IMAPMessage) m, uidValidity, uid);
                    crash.at("spooled");
                    seen.add(uidValidity, uid, mid);
                    crash.at("recorded");
                    spooled++;
                } finally {
                    gate.exit();
                }
            }
            done.add(m);
        }
        finish(folder, done.toArray(new Message[0]));
        return spooled;
    }

    private void spool(IMAPFolder folder, IMAPMessage m, long uidValidity, long uid)
            throws MessagingException, IOException {
        String source = settings.displayUrl() + ";UIDVALIDITY=" + uidValidity + ";UID=" + uid;
        Envelope env = new Envelope("imap", null, List.of(), settings.host(), null, source);
        Delivery.Result r;
        try (var in = m.getMimeStream()) {
            r = Delivery.deliver(spool, Spool.source(in), env);
        }
        LOG.info("{}", LogFmt.msg(r instanceof Delivery.NotMail ? "quarantined" : "spooled").kv("intake", "imap")
                .kv("name", r.entry().name()).kv("mailbox", settings.displayUrl()).kv("uid", uid));
    }

    private void finish(IMAPFolder folder, Message[] done) throws MessagingException {
        if (done.length == 0) {
            return;
        }
        switch (settings.after()) {
            case MOVE -> {
                Folder target = folder.getStore().getFolder(settings.moveTo());
                if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("cannot create folder " + settings.moveTo());
                }
                if (((org.eclipse.angus.mail.imap.IMAPStore) folder.getStore()).hasCapability("MOVE")) {
                    folder.moveMessages(done, target);
                } else {
                    // RFC 6851's fallback: copy, then delete the originals.
                    folder.copyMessages(done, target);
                    expunge(folder, done);
                }
            }
            case FLAG -> folder.setFlags(done, new Flags(Flags.Flag.SEEN), true);
            case DELETE -> expunge(folder, done);
            default -> throw new IllegalStateException("after = " + settings.after());
        }
    }

    /** Deletes exactly these messages where the server can (UIDPLUS), else the folder's deleted ones. */
    private static void expunge(IMAPFolder folder, Message[] done) throws MessagingException {
        folder.setFlags(done, new Flags(Flags.Flag.DELETED), true);
        if (((org.eclipse.angus.mail.imap.IMAPStore) folder.getStore()).hasCapability("UIDPLUS")) {
            folder.expunge(done);
        } else {
            folder.expunge();
        }
    }

    private static String messageId(Message m) throws MessagingException {
        String[] h = m.getHeader("Message-ID");
        if (h == null || h.length != 1) {
            return null;
        }
        String v = h[0].strip();
        return MSG_ID.matcher(v).matches() ? v : null;
    }
}
