package org.mailbridge.parse.bugzilla;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.spi.Unknowns;

/**
 * The real names a mail shows for logins: the "… changed:" lines, the comment headers and the
 * flag mail sentence. Used to fill {@code real_name} wherever the mail names a login alone.
 */
final class People {
    private final Map<String, String> names = new LinkedHashMap<>();

    People(Bugmail m) {
        m.blocks().forEach(b -> b.changer().ifPresent(this::add));
        m.comments().forEach(c -> c.author().ifPresent(this::add));
        m.request().ifPresent(r -> {
            add(r.actor());
            r.setter().ifPresent(this::add);
            r.requestee().ifPresent(this::add);
            r.formerRequestee().ifPresent(this::add);
        });
    }

    private void add(Identity id) {
        if (!id.realName().isEmpty()) {
            names.putIfAbsent(id.login(), id.realName());
        }
    }

    /** The real name shown for a login, if any. */
    Optional<String> realName(String login) {
        return Optional.ofNullable(names.get(login));
    }

    /** A user object {login, real_name} from a login or identity; an unknown real name is recorded. */
    Map<String, Object> user(String text, String path, Unknowns u) {
        Optional<Identity> id = Identity.parse(text);
        String login = id.map(Identity::login).orElse(text.strip());
        Optional<String> name = id.map(Identity::realName).filter(n -> !n.isEmpty()).or(() -> realName(login));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("login", login);
        u.put(o, "real_name", name, "", path + ".real_name");
        return o;
    }
}
