package org.mailbridge.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An Apache Qpid Broker-J inside this JVM, speaking AMQP 1.0 on 127.0.0.1 only, with one
 * in-memory virtual host per security domain (the first is the default). It is the out-of-the-box
 * broker of a daemon with no configured domains, the {@code mailbridge broker} command, and the
 * broker of the tests.
 *
 * <p>Messages live in memory: they are gone when the broker stops. That is right for development
 * and tests; production points {@code [domains.*]} at a real broker.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /**
     * Broker-J's memory store refuses durable messages unless this JVM property is true; the
     * bridge always publishes durably, so the embedded broker turns it on.
     */
    static final String MEMORY_PERSISTENCE = "qpid.tests.mms.messagestore.persistence";

    private final SystemLauncher launcher;
    private final int port;
    private final List<String> vhosts;

    private EmbeddedBroker(SystemLauncher launcher, int port, List<String> vhosts) {
        this.launcher = launcher;
        this.port = port;
        this.vhosts = List.copyOf(vhosts);
    }

    /**
     * Starts a broker.
     *
     * @param port the port on 127.0.0.1, or 0 for an ephemeral one
     * @param vhosts virtual host names, at least one; the first is the default
     * @param workDir where Broker-J may keep files
     */
    public static EmbeddedBroker start(int port, List<String> vhosts, Path workDir) throws BrokerStartException {
        if (vhosts.isEmpty()) {
            throw new IllegalArgumentException("at least one virtual host");
        }
        if (System.getProperty(MEMORY_PERSISTENCE) == null) {
            System.setProperty(MEMORY_PERSISTENCE, "true");
        }
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }

            @Override
            public void errorOnStartup(RuntimeException e) {
                failure.set(e);
            }
        });
        try {
            Files.createDirectories(workDir);
            Path initial = workDir.resolve("initial-config.json");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(initial.toFile(), initialConfig(port, vhosts));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("type", "Memory");
            attrs.put("initialConfigurationLocation", initial.toUri().toString());
            attrs.put("startupLoggedToSystemOut", false);
            attrs.put("context", Map.of(
                    "qpid.work_dir", workDir.toString(),
                    "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}",
                    "qpid.broker_status_updates", "false"));
            launcher.startup(attrs);
        } catch (Exception e) {
            throw new BrokerStartException("embedded broker did not start: " + e.getMessage(), e);
        }
        if (failure.get() != null || system.get() == null) {
            launcher.shutdown();
            RuntimeException f = failure.get();
            throw new BrokerStartException("embedded broker did not start on 127.0.0.1:" + port
                    + (f == null ? "" : ": " + f.getMessage()), f);
        }
        Broker<?> broker = (Broker<?>) system.get().getContainer(Broker.class);
        int bound = -1;
        for (Port<?> p : broker.getPorts()) {
            bound = p.getBoundPort();
        }
        if (bound <= 0) {
            launcher.shutdown();
            throw new BrokerStartException("embedded broker has no AMQP port bound (is 127.0.0.1:" + port + " taken?)", null);
        }
        // Loud on purpose: it confirms durable messages it will lose if it is killed.
        org.slf4j.LoggerFactory.getLogger(EmbeddedBroker.class).warn(
                "msg=\"embedded broker is a TEST broker: messages are kept in memory and lost when it stops or is"
                + " killed, although it confirms them as durable; point [domains.*] at a real broker in production\""
                + " port={}", bound);
        return new EmbeddedBroker(launcher, bound, vhosts);
    }

    private static Map<String, Object> initialConfig(int port, List<String> vhosts) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "mailbridge");
        c.put("modelVersion", "9.1");
        c.put("authenticationproviders", List.of(Map.of("name", "anonymous", "type", "Anonymous")));
        Map<String, Object> amqp = new LinkedHashMap<>();
        amqp.put("name", "AMQP");
        amqp.put("port", String.valueOf(port));
        amqp.put("bindingAddress", "127.0.0.1");
        amqp.put("protocols", List.of("AMQP_1_0"));
        amqp.put("authenticationProvider", "anonymous");
        // Without the host-name alias, a client connecting to "127.0.0.1" gets "Unknown hostname".
        amqp.put("virtualhostaliases", List.of(
                Map.of("name", "nameAlias", "type", "nameAlias"),
                Map.of("name", "defaultAlias", "type", "defaultAlias"),
                Map.of("name", "hostnameAlias", "type", "hostnameAlias")));
        c.put("ports", List.of(amqp));
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < vhosts.size(); i++) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", vhosts.get(i));
            n.put("type", "Memory");
            n.put("defaultVirtualHostNode", String.valueOf(i == 0));
            n.put("virtualHostInitialConfiguration", "{\"type\": \"Memory\"}");
            nodes.add(n);
        }
        c.put("virtualhostnodes", nodes);
        return c;
    }

    /** The port the broker listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The virtual hosts, default first. */
    public List<String> vhosts() {
        return vhosts;
    }

    /** The connection URL for a virtual host. */
    public String url(String vhost) {
        return "amqp://127.0.0.1:" + port + "?amqp.vhost=" + vhost;
    }

    /** The connection URL of the default virtual host. */
    public String url() {
        return "amqp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }

    /** The broker could not start (port taken, bad work directory). */
    public static final class BrokerStartException extends Exception {
        private static final long serialVersionUID = 1L;

        BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
