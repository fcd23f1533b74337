package org.mailbridge.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and atomically replaces {@code <spool>/state/daemon.json}. */
public final class StateFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public StateFile(Path spoolRoot) {
        this.file = spoolRoot.resolve("state").resolve("daemon.json");
    }

    /** Writes the state: to a temporary file, then renamed over the old one. */
    public void write(DaemonState state) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("daemon.json.tmp");
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The last state written, or empty when no daemon ever ran on this spool or the file is unreadable. */
    public Optional<DaemonState> read() {
        try {
            return Files.isRegularFile(file) ? Optional.of(MAPPER.readValue(file.toFile(), DaemonState.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
