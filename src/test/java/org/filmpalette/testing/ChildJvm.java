package org.filmpalette.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a child JVM with the test classpath and Spark's JDK 17 flags, as a user's process would. */
public final class ChildJvm {

    /** Exit code and output of a finished child. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private ChildJvm() {}

    public static Result run(Path workingDirectory, String mainClass, String... args) {
        return finish(start(workingDirectory, List.of(), mainClass, args));
    }

    /** A running child; {@code jvmOptions} go before the main class (e.g. {@code -Dkey=value}). */
    public static Started start(Path workingDirectory, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        // A child lives for one short run: C1 alone and the serial collector start it in about 80 % of the time and
        // half the CPU (data-sample run: 22.8 s / 26.0 s CPU against 26.5–31.5 s / 45–49 s), which the parent test
        // JVM, sharing the cores, gets back. Neither changes what the run computes.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(Arrays.asList(jvmFlags()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        try {
            Path stdout = java.nio.file.Files.createTempFile("child", ".out");
            Path stderr = java.nio.file.Files.createTempFile("child", ".err");
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            return new Started(process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started child process and the files its output goes to. */
    public record Started(Process process, Path stdout, Path stderr) {}

    /** Waits up to 5 minutes for the child and returns its exit code and output. */
    public static Result finish(Started started) {
        return finish(started, 5);
    }

    /** Waits up to {@code minutes} for the child and returns its exit code and output. */
    public static Result finish(Started started, int minutes) {
        Process process = started.process();
        Path stdout = started.stdout();
        Path stderr = started.stderr();
        try {
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Child JVM did not finish in " + minutes + " minutes: " + stderr);
            }
            return new Result(process.exitValue(), java.nio.file.Files.readString(stdout),
                    java.nio.file.Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The module flags from the build (pom.xml's spark.jvm.flags). */
    public static String[] jvmFlags() {
        try (InputStream in = ChildJvm.class.getResourceAsStream("/org/filmpalette/jvm.options")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
