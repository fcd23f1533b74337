package org.mailbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM CA bundles, certificates and keys (PKCS#1 and PKCS#8) into TLS contexts. */
class TlsContextsTest {
    @TempDir
    Path dir;

    private static X509Certificate selfSigned(KeyPair kp) throws Exception {
        X500Name name = new X500Name("CN=mailbridge-test");
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(System.currentTimeMillis() - 60_000),
                new Date(System.currentTimeMillis() + 86_400_000L), name, kp.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        }
        return w.toString();
    }

    @Test
    void buildsFromPkcs1AndPkcs8KeysAndACaBundle() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X509Certificate cert = selfSigned(kp);
        Path ca = Files.writeString(dir.resolve("ca.pem"), pem(cert) + pem(cert));
        Path crt = Files.writeString(dir.resolve("client.pem"), pem(cert));
        Path pkcs1 = Files.writeString(dir.resolve("pkcs1.key"), pem(kp)); // BEGIN RSA PRIVATE KEY
        Path pkcs8 = Files.writeString(dir.resolve("pkcs8.key"), pem(new JcaPKCS8Generator(kp.getPrivate(), null)));
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(pkcs8)).contains("BEGIN PRIVATE KEY");
        // A real handshake over loopback that demands a client certificate: the context must
        // present this certificate (with the key read from either form) and trust the bundle.
        for (Path key : new Path[] {pkcs1, pkcs8}) {
            SSLContext ctx = TlsContexts.fromPem(Optional.of(ca), Optional.of(crt), Optional.of(key));
            assertThat(clientCertificateSeenByServer(ctx, ctx)).as(key.getFileName().toString()).isEqualTo(cert);
        }
        SSLContext server = TlsContexts.fromPem(Optional.of(ca), Optional.of(crt), Optional.of(pkcs8));
        SSLContext caOnly = TlsContexts.fromPem(Optional.of(ca), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> clientCertificateSeenByServer(server, caOnly))
                .as("without a client certificate the server refuses the handshake")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UncheckedIOException.class);
    }

    /** Handshakes {@code client} with {@code server}, which needs client auth; what the server saw. */
    private static X509Certificate clientCertificateSeenByServer(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ss.setNeedClientAuth(true);
            ss.setSoTimeout(30_000);
            CompletableFuture<X509Certificate> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                    return (X509Certificate) s.getSession().getPeerCertificates()[0];
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (SSLSocket c = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    ss.getLocalPort())) {
                c.setSoTimeout(30_000);
                c.startHandshake();
                c.getOutputStream().write(1); // in TLS 1.3 the server checks the client only now
                c.getOutputStream().flush();
            } catch (IOException e) {
                // the server hung up: its side says why
            }
            return seen.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFileWithoutACertificateOrKeyIsAClearError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not pem\n");
        assertThatThrownBy(() -> TlsContexts.fromPem(Optional.of(junk), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS");
    }
}
