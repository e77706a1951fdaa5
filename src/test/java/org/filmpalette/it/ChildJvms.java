package org.filmpalette.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of a test (Spark Master, Worker, spark-submit), each logging to its own file, all stopped with
 * their descendants (executors) on {@link #close()} or, should the test JVM die first, by a shutdown hook.
 */
final class ChildJvms implements AutoCloseable {

    private final Path sparkHome;
    private final Path logs;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-child-jvms");

    ChildJvms(Path sparkHome, Path logs) throws IOException {
        this.sparkHome = sparkHome;
        this.logs = Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A free TCP port on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** The JDK 17 module flags Spark needs, as the build wrote them ({@code spark.jvm.flags} in the pom). */
    static List<String> sparkJvmFlags() {
        try (InputStream in = ChildJvms.class.getResourceAsStream("/org/filmpalette/jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("org/filmpalette/jvm.options is not on the classpath");
            }
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read org/filmpalette/jvm.options", e);
        }
    }

    /** Starts a Spark class in a JVM whose classpath is the installation's {@code jars/}. */
    Process startSparkClass(String name, String heap, String mainClass, String... args) throws IOException {
        return startSparkClass(name, Map.of(), heap, mainClass, args);
    }

    /** As {@link #startSparkClass(String, String, String, String...)}, with extra environment variables. */
    Process startSparkClass(String name, Map<String, String> env, String heap, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(sparkJvmFlags());
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        return start(name, env, command);
    }

    /**
     * Starts any command with the Spark environment (SPARK_HOME, Scala 2.13, loopback only, this JDK) plus
     * {@code extraEnv}; inherited SPARK_* and AWS_* variables are dropped.
     */
    Process start(String name, Map<String, String> extraEnv, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SPARK_") || key.startsWith("AWS_"));
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(extraEnv);
        Process process = builder.start();
        processes.put(name, process);
        return process;
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    String logText(String name) {
        try {
            return Files.exists(log(name)) ? Files.readString(log(name)) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log(name), e);
        }
    }

    /** Waits until the process's log contains {@code line}; fails with the log if it exits or time runs out. */
    void awaitLog(String name, String line, Duration timeout) throws InterruptedException {
        Process process = processes.get(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!logText(name).contains(line)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before logging '" + line
                        + "':\n" + tail(name));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + line + "' within " + timeout + ":\n" + tail(name));
            }
            Thread.sleep(200);
        }
    }

    /** The exit code of a process that must end within {@code timeout}. */
    int awaitExit(String name, Duration timeout) throws InterruptedException {
        Process process = processes.get(name);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + ":\n" + tail(name));
        }
        return process.exitValue();
    }

    String tail(String name) {
        String text = logText(name);
        return text.length() <= 20_000 ? text : "…" + text.substring(text.length() - 20_000);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    /** Last started first: spark-submit, then the Worker (and its executors), then the Master. */
    private synchronized void stopAll() {
        List<Process> started = new ArrayList<>(processes.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            stop(started.get(i));
        }
        processes.clear();
    }

    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
    }
}
