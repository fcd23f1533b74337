/**
 * The bus contract as a library: publish the very events mailbridge publishes, or read them.
 *
 * <p>{@link org.mailbridge.api.Bus#publish(String, java.util.Map) Bus.publish} puts a body in the
 * same envelope as the daemon (fedora-messaging headers, a message id, {@code application/json},
 * durable, broker-confirmed), over the same domains and TLS configuration, after checking it
 * against its topic's JSON Schema: an invalid body never leaves. {@link
 * org.mailbridge.api.Bus#subscribe(String, EventHandler) Bus.subscribe} binds topic patterns over
 * AMQP 1.0 or 0-9-1, decodes each message back into an {@link org.mailbridge.event.Event}, checks
 * it against its schema and hands it to an {@link org.mailbridge.api.EventHandler}.
 *
 * <pre>{@code
 * try (Bus bus = Bus.builder().config(Path.of("/etc/mailbridge/config.toml")).build()) {
 *     bus.publish("git.ref.update", body);
 * }
 * }</pre>
 */
package org.mailbridge.api;
