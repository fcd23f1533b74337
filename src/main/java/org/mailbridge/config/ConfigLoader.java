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
 * {@link Config}. Every error is a {@link ConfigException} whose message starts with
 * {@code file:line:} when the line is known and names the offending key.
 */
public final class ConfigLoader {
    private static final TomlMapper MAPPER = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final java.util.regex.Pattern NAMED_KEY = java.util.regex.Pattern.compile("keys? '([^']+)'");

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
            throw new ConfigException(where(file, text, key, e.getLocation()) + "unknown key '" + key + "'"
                    + (known.isEmpty() ? "" : " (known keys here: " + known + ")"), e);
        } catch (JsonMappingException e) {
            throw new ConfigException(where(file, text, keyPath(e), e.getLocation()) + "key '" + keyPath(e) + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid value"), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where(file, e.getLocation()) + "TOML syntax error: "
                    + e.getOriginalMessage().lines().findFirst().orElse("?"), e);
        }
        if (raw == null) {
            raw = RawConfig.empty();
        }
        try {
            return ConfigBuilder.build(raw, Optional.of(file), env);
        } catch (ConfigException e) {
            java.util.regex.Matcher m = NAMED_KEY.matcher(e.getMessage());
            String key = m.find() ? m.group(1) : "";
            throw new ConfigException(where(file, text, key, null) + e.getMessage(), e);
        }
    }

    private static String where(Path file, JsonLocation loc) {
        if (loc != null && loc.getLineNr() > 0) {
            return file + ":" + loc.getLineNr() + ": ";
        }
        return file + ": ";
    }

    /** The parser knows no line once the tree is built: look the key up in the text. */
    private static String where(Path file, String text, String key, JsonLocation loc) {
        if (loc != null && loc.getLineNr() > 0) {
            return where(file, loc);
        }
        int line = key.isEmpty() ? 0 : TomlLocator.of(text).line(key);
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    /** {@code domains.infra.url} from Jackson's reference chain; snake-case names are the file's own. */
    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
