package org.mailbridge.publish;

import java.util.List;
import java.util.Optional;

import org.mailbridge.config.Domain;

/**
 * Decides which security domain an event goes to: the first domain (in file order) that names
 * the event's parser or has a topic pattern matching it; else the default domain; else none.
 * Topic patterns may be written against the suffix ({@code bugzilla.#}) or the full topic
 * ({@code org.fedoraproject.prod.bugzilla.#}).
 */
public final class Router {
    private final List<Domain> domains;
    private final String topicHead;

    /**
     * @param topicHead {@code <topic_prefix>.<environment>.}, stripped to get the suffix
     */
    public Router(List<Domain> domains, String topicHead) {
        this.domains = List.copyOf(domains);
        this.topicHead = topicHead;
    }

    /** The domain for an event. */
    public Optional<Domain> route(String parserId, String topic) {
        String suffix = topic.startsWith(topicHead) ? topic.substring(topicHead.length()) : topic;
        for (Domain d : domains) {
            if (d.parsers().contains(parserId)) {
                return Optional.of(d);
            }
            for (String pattern : d.topics()) {
                if (TopicPattern.matches(pattern, suffix) || TopicPattern.matches(pattern, topic)) {
                    return Optional.of(d);
                }
            }
        }
        return domains.stream().filter(Domain::isDefault).findFirst();
    }
}
