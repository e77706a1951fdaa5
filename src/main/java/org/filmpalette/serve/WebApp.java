package org.filmpalette.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The read-only local web app over the tables ({@code filmpalette serve}): the JDK's HTTP server on one address,
 * routes mapped to {@link Routes}, every page rendered on the server and working offline (its CSS and one small
 * script are served by the app itself). Nothing it serves writes to the tables.
 */
public final class WebApp implements AutoCloseable {

    /** The largest image "drop an image" accepts, in bytes. */
    public static final int MAX_UPLOAD_BYTES = 64 << 20;
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;

    private WebApp(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Serves {@code routes} on {@code host}:{@code port} (port 0 picks a free one) until {@link #close()}.
     *
     * @throws UncheckedIOException naming the address when it cannot be bound
     */
    public static WebApp start(Routes routes, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "filmpalette-serve");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(routes, exchange));
        server.start();
        return new WebApp(server, threads);
    }

    /** The address pages are served at, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void handle(Routes routes, HttpExchange exchange) throws IOException {
        Response response;
        try {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestMethod().equals("POST") ? body(exchange.getRequestBody()) : new byte[0]);
            response = routes.answer(request);
        } catch (IllegalArgumentException e) {
            response = Response.text(400, e.getMessage());
        } catch (RuntimeException e) {
            response = Response.text(500, "filmpalette serve: " + e);
        }
        exchange.getResponseHeaders().set("Content-Type", response.type());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // Pages load only what the app serves: a stray outside reference is blocked in the browser too.
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : response.body();
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("Image too large: more than " + MAX_UPLOAD_BYTES + " bytes");
        }
        return bytes;
    }

    /** One request: method, URI (path and query) and body bytes. */
    public record Request(String method, URI uri, byte[] body) {

        /** The decoded query parameters, the last value winning. */
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            String query = uri.getRawQuery();
            if (query == null || query.isEmpty()) {
                return parameters;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
            return parameters;
        }

        /** The parameter {@code name}; a missing one is a 400 naming it. */
        public String required(String name) {
            String value = parameters().get(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("Missing parameter: " + name);
            }
            return value;
        }

        private static String decode(String text) {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** One response: status, content type, body and extra headers. */
    public record Response(int status, String type, byte[] body, Map<String, String> headers) {

        public static Response html(int status, String html) {
            return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /** A file the browser saves as {@code filename}. */
        public static Response download(String type, byte[] body, String filename) {
            return new Response(200, type, body, Map.of("Content-Disposition", "attachment; filename=\""
                    + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\""));
        }
    }
}
