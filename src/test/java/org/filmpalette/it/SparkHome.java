package org.filmpalette.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Spark installation assembled from the build's Maven jars: {@code jars/} holds links to what a Spark 4.1.0
 * distribution ships (the provided scope, listed by the pom's {@code spark-provided-classpath} execution), a
 * {@code RELEASE} file makes Spark's launcher and the Worker treat it as a release, and {@code bin/spark-submit}
 * does what the distribution's script does: Spark's own launcher builds the java command (adding the JDK module
 * flags) and the script runs it.
 */
final class SparkHome {

    /** The distribution's {@code bin/spark-submit} and {@code bin/spark-class}, reduced to what they do on Linux. */
    private static final String SPARK_SUBMIT = """
            #!/usr/bin/env bash
            # Spark's launcher prints messages line by line, then a NUL, then the command NUL-separated.
            java="${JAVA_HOME:?}/bin/java"
            build_command() {
              "$java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \\
                org.apache.spark.deploy.SparkSubmit "$@"
              printf '%d\\0' $?
            }
            cmd=()
            delimiter=$'\\n'
            started=false
            while IFS= read -d "$delimiter" -r arg; do
              arg=${arg//$'\\r'}
              if [ "$started" = true ]; then
                cmd+=("$arg")
              elif [ "$arg" = $'\\0' ]; then
                delimiter=''
                started=true
              elif [ -n "$arg" ]; then
                echo "$arg"
              fi
            done < <(build_command "$@")
            last=$((${#cmd[@]} - 1))
            [ "$last" -ge 0 ] || exit 1
            [ "${cmd[$last]}" = 0 ] || exit "${cmd[$last]}"
            exec "${cmd[@]:0:$last}"
            """;

    private SparkHome() {}

    static Path create(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path jar : sparkJars()) {
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        Files.writeString(home.resolve("RELEASE"), "Spark 4.1.0 built for Hadoop 3.4.2 (assembled from Maven jars)\n");
        Path submit = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, SPARK_SUBMIT);
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static Set<Path> sparkJars() throws IOException {
        Set<Path> jars = new LinkedHashSet<>();
        for (String entry : Files.readString(BuildOutput.target("spark-classpath.txt")).strip().split(":")) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry));
            }
        }
        if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith("spark-core_"))) {
            throw new IllegalStateException("No spark-core jar in " + BuildOutput.target("spark-classpath.txt"));
        }
        return jars;
    }
}
