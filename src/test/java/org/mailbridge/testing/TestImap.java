package org.mailbridge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail IMAP server for the test JVM, on ephemeral ports: plain IMAP and IMAPS, the
 * latter with a certificate for 127.0.0.1 that {@link #certs()} trusts. Tests take a user each,
 * so they never see each other's mail.
 */
public final class TestImap {
    private static GreenMail server;
    private static TestCerts certs;
    private static int users;

    private TestImap() {
    }

    /** The shared server, started on first use. */
    public static synchronized GreenMail get() {
        if (server == null) {
            try {
                certs = TestCerts.create(Files.createTempDirectory("mailbridge-test-imap"));
            } catch (Exception e) {
                throw new IllegalStateException("test certificate", e);
            }
            System.setProperty("greenmail.tls.keystore.file", certs.keystore().toString());
            System.setProperty("greenmail.tls.keystore.password", TestCerts.PASSWORD);
            System.setProperty("greenmail.tls.key.password", TestCerts.PASSWORD);
            server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
            server.start();
            GreenMail s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return server;
    }

    /** The certificate the IMAPS port presents (its PEM is a CA bundle that trusts it). */
    public static synchronized TestCerts certs() {
        get();
        return certs;
    }

    /**
     * A fresh mailbox user.
     *
     * @param login the login name
     * @param passwordFile a file holding its password
     */
    public record User(String login, Path passwordFile, GreenMailUser user) {
        /** Appends a message to a folder of this user's, unseen. */
        public void append(String folder, byte[] message) throws Exception {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(message));
            folder(folder, true).appendMessage(m, new Flags(), new Date());
        }

        /** How many messages a folder holds (0 when it does not exist). */
        public int count(String folder) throws Exception {
            MailFolder f = folder(folder, false);
            return f == null ? 0 : f.getMessageCount();
        }

        /** How many messages of a folder are flagged {@code \Seen}. */
        public long seen(String folder) throws Exception {
            MailFolder f = folder(folder, false);
            return f == null ? 0 : f.getMessages().stream().filter(m -> m.isSet(Flags.Flag.SEEN)).count();
        }

        private MailFolder folder(String name, boolean create) throws Exception {
            ImapHostManager h = get().getManagers().getImapHostManager();
            if (name.equals("INBOX")) {
                return h.getInbox(user);
            }
            MailFolder f = h.getFolder(user, name);
            return f == null && create ? h.createMailbox(user, name) : f;
        }
    }

    /** Creates a user with a random password, written to a file in {@code dir}. */
    public static synchronized User newUser(Path dir) throws Exception {
        String login = "bridge" + (++users) + "x" + Long.toHexString(System.nanoTime());
        String password = "pw-" + Long.toHexString(System.nanoTime());
        Path pw = Files.writeString(dir.resolve(login + ".pass"), password + "\n");
        GreenMailUser u = get().setUser(login + "@localhost", login, password);
        return new User(login, pw, u);
    }

    /** The plain IMAP port. */
    public static int imapPort() {
        return get().getImap().getPort();
    }

    /** The IMAPS port. */
    public static int imapsPort() {
        return get().getImaps().getPort();
    }
}
