/**
 * The benchmark suite behind {@code bench/run}: plain Java mains, run by hand against real
 * processes (the daemon, the embedded broker in its own JVM, RabbitMQ, {@code deliver} through
 * the launcher, a Python pika one-shot). Not tests: nothing here is run by Surefire, and nothing
 * asserts a timing. They live under {@code src/test} so that the test compile keeps them
 * building with the code they measure; {@code mvn package -DskipTests} compiles them.
 */
package org.mailbridge.bench;
