package org.mailbridge.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Broker-J initial configuration of the embedded broker: one anonymous AMQP 1.0 port on
 * 127.0.0.1 and one virtual host node per virtual host, in the chosen store. The broker-level
 * model is rebuilt from it at every start (the system store is memory), so a changed port or
 * host list takes effect; what must survive a restart (queues, bindings, messages) lives in each
 * node's own store.
 */
final class InitialConfig {
    private InitialConfig() {
    }

    static Map<String, Object> of(int port, List<String> vhosts, BrokerStore store) {
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
            nodes.add(node(vhosts.get(i), i == 0, store));
        }
        c.put("virtualhostnodes", nodes);
        return c;
    }

    private static Map<String, Object> node(String name, boolean isDefault, BrokerStore store) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("defaultVirtualHostNode", String.valueOf(isDefault));
        if (store instanceof BrokerStore.Derby d) {
            // The node's Derby database holds the virtual host's configuration and its messages in
            // one store, so a recovered queue and its messages always agree. The initial virtual
            // host configuration is used only when that database is new.
            n.put("type", "DERBY");
            n.put("storePath", d.workDir().resolve("derby").toString()); // the database is derby/<name>
            n.put("virtualHostInitialConfiguration", "{\"type\": \"ProvidedStore\"}");
        } else {
            n.put("type", "Memory");
            n.put("virtualHostInitialConfiguration", "{\"type\": \"Memory\"}");
        }
        return n;
    }
}
