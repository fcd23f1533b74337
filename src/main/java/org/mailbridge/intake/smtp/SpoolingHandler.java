package org.mailbridge.intake.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.mailbridge.spool.Delivery;
import org.mailbridge.intake.Gate;
import org.mailbridge.log.LogFmt;
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP mail transaction into the spool. The reply to DATA is {@code 250} only after
 * {@link Delivery#deliver} returned, i.e. after the message and its envelope are synced into
 * {@code new/}; {@code 451} when the spool cannot take it or the daemon is stopping, {@code 552}
 * over the size limit, {@code 554} for input that is not mail (kept in quarantine). A refused
 * DATA stream is read to its end first, so the session stays in step for the next command.
 */
final class SpoolingHandler implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolingHandler.class);

    private final MessageContext ctx;
    private final Listener listener;
    private String sender;
    private final List<String> recipients = new ArrayList<>();

    /**
     * What all transactions of one listener share.
     *
     * @param spool where messages go
     * @param gate closed when the daemon stops
     * @param recipients which recipients are served
     * @param rate the message rate limit
     * @param maxSize the size limit in bytes
     */
    record Listener(Spool spool, Gate gate, RecipientPolicy recipients, RateLimit rate, long maxSize) {
    }

    SpoolingHandler(MessageContext ctx, Listener listener) {
        this.ctx = ctx;
        this.listener = listener;
    }

    @Override
    public void from(String from) throws RejectException {
        if (!listener.gate().isOpen()) {
            throw new RejectException(451, "4.3.2 Service shutting down, try again later");
        }
        sender = from == null ? "" : from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (!listener.recipients().serves(recipient)) {
            throw new RejectException(550, "5.1.1 <" + recipient + ">: recipient not served here");
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        if (!listener.rate().tryAcquire()) {
            throw refuse(data, 451, "4.7.1 Too many messages, slow down and try again later");
        }
        if (!listener.gate().enter()) {
            throw refuse(data, 451, "4.3.2 Service shutting down, try again later");
        }
        try {
            Envelope env = new Envelope("smtp", sender, recipients, client(), ctx.getHelo().orElse(null), null);
            Delivery.Result r;
            try {
                r = Delivery.deliver(listener.spool(), Spool.source(new BoundedInput(data, listener.maxSize())), env);
            } catch (BoundedInput.TooLarge e) {
                throw refuse(data, 552, "5.3.4 Message size exceeds fixed maximum message size");
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}", LogFmt.msg("smtp intake refused").kv("client", client()).kv("code", 451)
                        .kv("err", e.toString()));
                throw refuse(data, 451, "4.3.0 Spool unavailable, try again later");
            }
            if (r instanceof Delivery.NotMail n) {
                LOG.warn("{}", LogFmt.msg("quarantined").kv("intake", "smtp").kv("name", n.entry().name())
                        .kv("reason", QuarantineReason.NOT_MAIL.code()).kv("detail", n.why()));
                throw new RejectException(554, "5.6.0 Not a mail message: " + n.why());
            }
            LOG.info("{}", LogFmt.msg("spooled").kv("intake", "smtp").kv("name", r.entry().name())
                    .kv("client", client()).kv("rcpts", recipients.size()));
            return "2.0.0 Ok: queued as " + r.entry().name();
        } finally {
            listener.gate().exit();
        }
    }

    /**
     * Reads the rest of a DATA stream before the refusal is sent. The drain is bounded: a client
     * that goes on sending far past the limit is cut off instead.
     */
    private RejectException refuse(InputStream data, int code, String text) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long budget = Math.max(listener.maxSize(), 1L << 20) * 4;
        int n;
        while ((n = data.read(buf)) >= 0) {
            budget -= n;
            if (budget < 0) {
                return new DropConnectionException(code == 552 ? 552 : 421, text);
            }
        }
        return new RejectException(code, text);
    }

    private String client() {
        SocketAddress a = ctx.getRemoteAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    @Override
    public void done() {
        // nothing held between transactions
    }
}
