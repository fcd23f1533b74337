package org.mailbridge.publish;

/** Expands a domain's address template for a topic or a binding pattern. */
public final class AddressTemplate {
    private AddressTemplate() {
    }

    /** {@code amq.topic/{topic}} → {@code amq.topic/org.fedoraproject.prod.bugzilla.bug.new}. */
    public static String expand(String template, String topic) {
        return template.replace("{topic}", topic).replace("{pattern}", topic);
    }
}
