package org.mailbridge.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.store.StoreException;
import org.mailbridge.log.LogFmt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Qpid Broker-J inside this JVM, speaking AMQP 1.0 on 127.0.0.1 only, with one virtual
 * host per security domain (the first is the default). It is the out-of-the-box broker of a daemon
 * with no configured domains, the {@code mailbridge broker} command, and the broker of the tests.
 *
 * <p>With a {@link BrokerStore.Derby} store, queues, bindings and durable messages survive a stop
 * or a {@code kill -9}: what it confirmed is on disk. With {@link BrokerStore.Memory} it is a test
 * broker that loses everything when it stops, and says so loudly at start.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /**
     * Broker-J's memory store refuses durable messages unless this JVM property is true; the
     * bridge always publishes durably, so a memory broker turns it on.
     */
    static final String MEMORY_PERSISTENCE = "qpid.tests.mms.messagestore.persistence";

    /** Where Derby writes its own log. */
    static final String DERBY_LOG = "derby.stream.error.file";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final SystemLauncher launcher;
    private final int port;
    private final List<String> vhosts;
    private final Optional<Path> scratch;

    private EmbeddedBroker(SystemLauncher launcher, int port, List<String> vhosts, Optional<Path> scratch) {
        this.launcher = launcher;
        this.port = port;
        this.vhosts = List.copyOf(vhosts);
        this.scratch = scratch;
    }

    /**
     * Starts a broker with the persistent store in {@code workDir}; a broker started again on the
     * same directory finds the queues and messages the last one left.
     *
     * @param port the port on 127.0.0.1, or 0 for an ephemeral one
     * @param vhosts virtual host names, at least one; the first is the default
     * @param workDir where Broker-J keeps its databases (created when missing)
     */
    public static EmbeddedBroker start(int port, List<String> vhosts, Path workDir) throws BrokerStartException {
        return start(port, vhosts, new BrokerStore.Derby(workDir));
    }

    /**
     * Starts a test broker that keeps everything in memory and loses it when it stops.
     *
     * @param port the port on 127.0.0.1, or 0 for an ephemeral one
     * @param vhosts virtual host names, at least one; the first is the default
     */
    public static EmbeddedBroker startInMemory(int port, List<String> vhosts) throws BrokerStartException {
        return start(port, vhosts, new BrokerStore.Memory());
    }

    /**
     * Starts a broker with the given store.
     *
     * @param port the port on 127.0.0.1, or 0 for an ephemeral one
     * @param vhosts virtual host names, at least one; the first is the default
     * @param store where messages are kept
     */
    public static EmbeddedBroker start(int port, List<String> vhosts, BrokerStore store) throws BrokerStartException {
        if (vhosts.isEmpty()) {
            throw new IllegalArgumentException("at least one virtual host");
        }
        boolean memory = store instanceof BrokerStore.Memory;
        if (memory && System.getProperty(MEMORY_PERSISTENCE) == null) {
            System.setProperty(MEMORY_PERSISTENCE, "true");
        }
        Path workDir;
        Optional<Path> scratch = Optional.empty();
        try {
            if (store instanceof BrokerStore.Derby d) {
                workDir = Files.createDirectories(d.workDir());
            } else {
                workDir = Files.createTempDirectory("mailbridge-broker-");
                scratch = Optional.of(workDir);
            }
            // Derby, which Broker-J loads at start even for a memory store to see whether it is
            // there, writes derby.log in the current directory unless told otherwise; the work
            // directory is the one place the broker may write.
            if (System.getProperty(DERBY_LOG) == null) {
                System.setProperty(DERBY_LOG, workDir.resolve("derby.log").toString());
            }
        } catch (IOException e) {
            throw new BrokerStartException("embedded broker work directory: " + e.getMessage(), e);
        }
        Launched launched;
        try {
            launched = launch(port, workDir, InitialConfig.of(port, vhosts, store));
        } catch (BrokerStartException e) {
            scratch.ifPresent(EmbeddedBroker::deleteQuietly);
            if (scratch.isPresent() || !isStoreFailure(e)) {
                throw e;
            }
            // Derby locks a database for one JVM; a second broker on the same directory lands here.
            throw new BrokerStartException(e.getMessage() + " (store in " + workDir
                    + ": is another broker using it?)", e.getCause());
        }
        EmbeddedBroker started;
        try {
            int bound = boundPort(launched.broker(), port);
            checkVirtualHosts(launched.broker(), vhosts);
            started = new EmbeddedBroker(launched.launcher(), bound, vhosts, scratch);
        } catch (BrokerStartException e) {
            launched.launcher().shutdown();
            scratch.ifPresent(EmbeddedBroker::deleteQuietly);
            throw e;
        }
        if (memory) {
            // Loud on purpose: it confirms durable messages it will lose if it is stopped or killed.
            LOG.warn("msg=\"embedded broker is a TEST broker: messages are kept in memory and lost when it stops or"
                    + " is killed, although it confirms them as durable; give it a work directory, or point"
                    + " [domains.*] at a real broker\" port={}", started.port);
        } else {
            LOG.info("msg=\"embedded broker store\" store=derby work_dir={} port={}", workDir, started.port);
        }
        return started;
    }

    /** A started Broker-J and its model. */
    private record Launched(SystemLauncher launcher, Broker<?> broker) {
    }

    private static Launched launch(int port, Path workDir, Map<String, Object> initialConfig)
            throws BrokerStartException {
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
            Path initial = workDir.resolve("initial-config.json");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(initial.toFile(), initialConfig);
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
        return new Launched(launcher, (Broker<?>) system.get().getContainer(Broker.class));
    }

    private static int boundPort(Broker<?> broker, int asked) throws BrokerStartException {
        int bound = -1;
        for (Port<?> p : broker.getPorts()) {
            bound = p.getBoundPort();
        }
        if (bound <= 0) {
            throw new BrokerStartException("embedded broker has no AMQP port bound (is 127.0.0.1:" + asked
                    + " taken?)", null);
        }
        return bound;
    }

    /**
     * Broker-J starts even when a virtual host's store cannot be opened (a database another broker
     * holds, a damaged one); such a broker accepts connections and refuses every message, so it is
     * better not started at all.
     */
    private static void checkVirtualHosts(Broker<?> broker, List<String> vhosts) throws BrokerStartException {
        List<String> broken = new ArrayList<>();
        for (String name : vhosts) {
            VirtualHostNode<?> node = broker.getChildByName(VirtualHostNode.class, name);
            VirtualHost<?> host = node == null ? null : node.getVirtualHost();
            if (node == null || node.getState() != State.ACTIVE || host == null || host.getState() != State.ACTIVE) {
                broken.add(name + " (" + (node == null ? "missing" : "node " + node.getState()
                        + (host == null ? "" : ", host " + host.getState())) + ")");
            }
        }
        if (!broken.isEmpty()) {
            throw new BrokerStartException("embedded broker: virtual host store did not open: "
                    + String.join(", ", broken), null);
        }
    }

    private static boolean isStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind costs a few bytes; stopping must not fail for it.
        }
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

    /**
     * Stops the broker. On SIGTERM, Broker-J's own shutdown hook (registered by the broker
     * itself, whatever it is embedded in) may already be stopping it, concurrently with the
     * bridge's hook; the launcher then refuses a second shutdown, and that is not an error.
     */
    @Override
    public void close() {
        try {
            launcher.shutdown();
        } catch (IllegalStateException alreadyStopping) {
            LOG.info("{}", LogFmt.msg("embedded broker already stopping").kv("detail", alreadyStopping.getMessage()));
        }
        scratch.ifPresent(EmbeddedBroker::deleteQuietly);
    }

    /** The broker could not start (port taken, bad work directory, a store in use). */
    public static final class BrokerStartException extends Exception {
        private static final long serialVersionUID = 1L;

        BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
