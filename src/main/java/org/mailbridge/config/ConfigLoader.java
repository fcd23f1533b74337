package org.mailbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads the TOML configuration onto {@link RawConfig} and turns it into a validated
 * {@link Config}. Every error is a {@link ConfigException} that carries the offending key and
 * its file and line where known; its message starts with {@code file:line:}.
 */
public final class ConfigLoader {
    private static final TomlMapper MAPPER = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigLoader() {
    }

    /** Finds and loads the configuration ({@code --conf}, {@code $MAILBRIDGE_CONF}, /etc), or the defaults. */
    public static Config load(Path explicit, Map<String, String> env) throws ConfigException {
        Optional<Path> file = ConfigLocation.find(explicit, env);
        if (file.isEmpty()) {
            return ConfigBuilder.build(RawConfig.empty(), Optional.empty(), env);
        }
        String text;
        try {
            text = Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.get() + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.get(), env);
    }

    /** Parses configuration text as if read from {@code file} (relative paths resolve against its directory). */
    public static Config parse(String text, Path file, Map<String, String> env) throws ConfigException {
        RawConfig raw;
        try {
            raw = MAPPER.readValue(text, RawConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String key = keyPath(e);
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw located(ConfigException.forKey(key, "unknown key '" + key + "'"
                    + (known.isEmpty() ? "" : " (known keys here: " + known + ")"), e), file, text);
        } catch (JsonMappingException e) {
            String key = keyPath(e);
            throw located(ConfigException.forKey(key, "key '" + key + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid value"), e), file, text);
        } catch (JsonProcessingException e) {
            // Only the TOML reader itself knows lines: it reports them for syntax errors.
            JsonLocation loc = e.getLocation();
            throw new ConfigException("TOML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse("?"), e)
                    .at(file, loc == null ? 0 : loc.getLineNr());
        }
        if (raw == null) {
            raw = RawConfig.empty();
        }
        try {
            return ConfigBuilder.build(raw, Optional.of(file), env);
        } catch (ConfigException e) {
            throw located(e, file, text);
        }
    }

    /**
     * Adds the file and the key's line. Jackson's TOML reader builds a tree without locations
     * before mapping it, so a key's line comes from {@link TomlLocator}, by the key the
     * exception carries.
     */
    private static ConfigException located(ConfigException e, Path file, String text) {
        return e.at(file, e.key().map(k -> TomlLocator.of(text).line(k)).orElse(0));
    }

    /** {@code domains.infra.url} from Jackson's reference chain; snake-case names are the file's own. */
    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
