package org.filmpalette.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.JobConfig;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.query.QuerySession;
import org.filmpalette.serve.OneImagePalette;
import org.filmpalette.serve.Routes;
import org.filmpalette.serve.WebApp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette serve}: the read-only local web app over the tables, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a read-only web app over the tables: films, stills, plots, color search, drop an image.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (0: any free port). Default: 8080")
    private int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: 127.0.0.1 (this machine only)")
    private String host = "127.0.0.1";

    @Option(names = "--algorithm", paramLabel = "NAME", description = "kmeans (default), bisecting or grid")
    private String algorithm = "kmeans";

    @Override
    public Integer call() throws InterruptedException {
        PaletteReader.checkAlgorithm(algorithm);
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("Invalid --port: " + port + " (must be between 0 and 65535)");
        }
        checkHost();
        PrintWriter err = spec.commandLine().getErr();
        try (QuerySession session = tables.open()) {
            long started = System.nanoTime();
            Routes routes = Routes.over(session, algorithm, new OneImagePalette(JobConfig.fromSettings(Map.of())));
            try (WebApp app = WebApp.start(routes, host, port)) {
                spec.commandLine().getOut().println("filmpalette serve: " + routes.films() + " films ("
                        + algorithm + ", loaded in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                        + " ms) at " + app.uri() + "  (Ctrl-C to stop)");
                spec.commandLine().getOut().flush();
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    err.println("filmpalette serve: listening on " + host + ", reachable from other machines");
                    err.flush();
                }
                // Until the JVM is interrupted (Ctrl-C, SIGTERM): the server's threads are daemons.
                new CountDownLatch(1).await();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("Host checked above: " + host, e);
            }
        }
        return ExitCodes.DONE;
    }

    private void checkHost() {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("Invalid --host: " + host + " (not an address of this machine)");
        }
    }
}
