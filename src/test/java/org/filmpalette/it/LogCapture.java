package org.filmpalette.it;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged through Log4j 2 (Spark's, Hadoop's and our loggers) while open, at the levels the test
 * configuration lets through, copied into a string.
 */
final class LogCapture implements AutoCloseable {

    private static final String NAME = "filmpalette-it-capture";

    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final WriterAppender appender;
    private final List<String> added = new ArrayList<>();

    /**
     * Captures what the configured levels let through, plus {@code infoLoggers} at INFO: those go only to the
     * capture, not to the console.
     */
    LogCapture(String... infoLoggers) {
        appender = WriterAppender.newBuilder()
                .setName(NAME)
                .setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build())
                .build();
        appender.start();
        // Loggers configured in log4j2-test.properties are additive, so the root's appenders see their events too.
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        for (String name : infoLoggers) {
            LoggerConfig info = new LoggerConfig(name, Level.INFO, false);
            info.addAppender(appender, Level.ALL, null);
            configuration.addLogger(name, info);
            added.add(name);
        }
        context.updateLoggers();
    }

    String text() {
        return text.toString();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        added.forEach(configuration::removeLogger);
        configuration.getRootLogger().removeAppender(NAME);
        context.updateLoggers();
        appender.stop();
    }
}
