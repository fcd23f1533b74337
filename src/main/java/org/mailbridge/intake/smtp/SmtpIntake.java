package org.mailbridge.intake.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.mailbridge.config.SmtpSettings;
import org.mailbridge.intake.Gate;
import org.mailbridge.intake.Intake;
import org.mailbridge.intake.IntakeException;
import org.mailbridge.log.LogFmt;
import org.mailbridge.publish.TlsContexts;
import org.mailbridge.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The daemon's SMTP listener, built on SubEthaSMTP: the library speaks the protocol (ESMTP,
 * SIZE, STARTTLS, AUTH PLAIN/LOGIN, pipelining) and enforces the connection limits; each mail
 * transaction goes through a {@link SpoolingHandler}.
 */
public final class SmtpIntake implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpIntake.class);

    private final SmtpSettings settings;
    private final Spool spool;
    private final Gate gate;
    private SMTPServer server;

    public SmtpIntake(SmtpSettings settings, Spool spool) {
        this(settings, spool, new Gate());
    }

    /** With a gate of the caller's, so a test can close it while the server still answers. */
    SmtpIntake(SmtpSettings settings, Spool spool, Gate gate) {
        this.settings = settings;
        this.spool = spool;
        this.gate = gate;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public synchronized void start() throws IntakeException {
        SpoolingHandler.Listener shared = new SpoolingHandler.Listener(spool, gate,
                new RecipientPolicy(settings.recipients()), new RateLimit(settings.maxMessagesPerSecond()),
                settings.maxMessageSize());
        SMTPServer.Builder b = SMTPServer.port(settings.listen().getPort())
                .bindAddress(settings.listen().getAddress())
                .hostName(settings.hostname())
                .softwareName("mailbridge")
                .messageHandlerFactory(ctx -> new SpoolingHandler(ctx, shared))
                .maxMessageSize((int) settings.maxMessageSize())
                .maxConnections(settings.maxConnections())
                .sessionHandler(SessionHandler.limitConcurrentSessionsBySource(settings.maxConnectionsPerClient()))
                .maxRecipients(settings.maxRecipients())
                .connectionTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()), TimeUnit.MILLISECONDS)
                .insertReceivedHeaders();
        if (settings.tls().isPresent()) {
            try {
                b.enableTLS().startTlsSocketFactory(TlsContexts.fromPem(Optional.empty(),
                        Optional.of(settings.tls().get().certFile()), Optional.of(settings.tls().get().keyFile())));
            } catch (IllegalArgumentException e) {
                throw new IntakeException("intake.smtp: TLS files: " + e.getMessage(), e);
            }
            b.requireTLS(settings.requireTls());
        }
        if (settings.auth().isPresent()) {
            SmtpSettings.Account account = settings.auth().get();
            b.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
                if (!matches(account, user, password)) {
                    throw new LoginFailedException("authentication failed");
                }
            })).requireAuth();
        }
        server = b.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IntakeException("intake.smtp: cannot listen on " + settings.listen() + ": " + e.getMessage(), e);
        }
        LOG.info("{}", LogFmt.msg("smtp intake listening").kv("listen",
                settings.listen().getAddress().getHostAddress() + ":" + port()).kv("tls", settings.tls().isPresent())
                .kv("auth", settings.auth().isPresent()));
    }

    /** The port bound (useful when {@code listen} asked for port 0). */
    public synchronized int port() {
        return server == null ? -1 : settings.listen().getPort() == 0 ? server.getPortAllocated() : server.getPort();
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (server == null) {
            return;
        }
        boolean idle = gate.close(grace);
        server.stop();
        server = null;
        LOG.info("{}", LogFmt.msg("smtp intake stopped").kv("drained", idle));
    }

    /** The password is read when a client logs in, so a changed file needs no restart. */
    private static boolean matches(SmtpSettings.Account account, String user, String password) {
        try {
            String expected = Files.readString(account.passwordFile(), StandardCharsets.UTF_8).strip();
            return MessageDigest.isEqual(account.username().getBytes(StandardCharsets.UTF_8),
                    user.getBytes(StandardCharsets.UTF_8))
                    & MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("{}", LogFmt.msg("smtp auth password file unreadable").kv("file", account.passwordFile()));
            return false;
        }
    }
}
