package org.mailbridge.rabbitmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away RabbitMQ vhost (guest may use it), made and removed with {@code rabbitmqctl}: a
 * test that must show it leaves nothing behind lists the queues of a vhost only it uses, and a
 * test of vhost handling sees its events arrive in the vhost it named.
 */
final class RabbitVhost implements AutoCloseable {
    final String name = "mb-test-" + UUID.randomUUID().toString().substring(0, 8);

    RabbitVhost() throws IOException, InterruptedException {
        ctl("add_vhost", name);
        ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
    }

    /** The vhost's queue names. */
    List<String> queues() throws IOException, InterruptedException {
        String out = ctl("list_queues", "-q", "-p", name, "name");
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("name"))
                .toList();
    }

    /** The vhost in a URL path, as AMQP URIs write it. */
    String path() {
        return "/" + name;
    }

    private static String ctl(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "rabbitmqctl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("rabbitmqctl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ctl("delete_vhost", name);
    }
}
