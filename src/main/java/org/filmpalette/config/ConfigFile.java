package org.filmpalette.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads the settings of a properties file such as {@code conf/filmpalette.properties}. */
public final class ConfigFile {

    private ConfigFile() {}

    /** Every key of the file with its trimmed value; a missing or unreadable file is an error naming it. */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("Invalid --config: " + file + " (no such file)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("Invalid --config: " + file + " (cannot be read: " + e.getMessage() + ")",
                    e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            settings.put(key, properties.getProperty(key).strip());
        }
        return settings;
    }
}
