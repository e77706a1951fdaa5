package org.filmpalette.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol: navigate, run a script, take a screenshot,
 * and record every console message, page error and network request so tests can require none / only loopback.
 * Without Chromium on PATH, tests using it fail in CI ({@code CI} set) and are skipped elsewhere.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private HeadlessChromium(Process process, WebSocket.Builder builder, URI page) {
        this.process = process;
        this.socket = builder.buildAsync(page, new Listener()).join();
    }

    /** Starts Chromium with a fresh profile under {@code profile} and a {@code width}×{@code height} window. */
    public static HeadlessChromium start(Path profile, int width, int height) {
        List<String> command = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars",
                "--force-color-profile=srgb", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "about:blank"));
        try {
            Files.createDirectories(profile);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            URI browser = devToolsAddress(process);
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            URI page = null;
            for (JsonNode target : JSON.readTree(list)) {
                if (target.path("type").asText().equals("page")) {
                    page = URI.create(target.path("webSocketDebuggerUrl").asText());
                }
            }
            if (page == null) {
                process.destroyForcibly();
                fail("Chromium has no page target: " + list);
            }
            HeadlessChromium chromium = new HeadlessChromium(process, http.newWebSocketBuilder(), page);
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                chromium.call(domain + ".enable", JSON.createObjectNode());
            }
            return chromium;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code uri} and waits for its load event. */
    public void open(URI uri) {
        loaded = new CompletableFuture<>();
        ObjectNode params = JSON.createObjectNode().put("url", uri.toString());
        JsonNode result = call("Page.navigate", params);
        if (result.has("errorText")) {
            fail("Chromium could not open " + uri + ": " + result.get("errorText").asText());
        }
        loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The value of a script run in the page (a promise is awaited), as JSON. */
    public JsonNode evaluate(String script) {
        ObjectNode params = JSON.createObjectNode().put("expression", script).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            fail("Script failed: " + result.get("exceptionDetails") + "\n" + script);
        }
        return result.path("result").path("value");
    }

    /** Waits until {@code condition} (a script) is true in the page. */
    public void waitFor(String condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + condition);
            }
            sleep(100);
        }
    }

    /** A PNG of the whole page (beyond the window) written to {@code file}. */
    public Path screenshot(Path file) {
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        JsonNode metrics = call("Page.getLayoutMetrics", JSON.createObjectNode());
        JsonNode size = metrics.path("cssContentSize");
        params.putObject("clip").put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                .put("height", Math.min(6000, size.path("height").asDouble())).put("scale", 1);
        return write(file, call("Page.captureScreenshot", params).path("data").asText());
    }

    /** A PNG of the page's area at {@code x}, {@code y} (CSS pixels from its top left) written to {@code file}. */
    public Path screenshot(Path file, double x, double y, double width, double height) {
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.putObject("clip").put("x", x).put("y", y).put("width", width).put("height", height).put("scale", 1);
        return write(file, call("Page.captureScreenshot", params).path("data").asText());
    }

    /** A PNG of the element {@code selector} selects, as it is laid out on the page, written to {@code file}. */
    public Path screenshotOf(Path file, String selector) {
        JsonNode box = evaluate("(() => { const r = document.querySelector('" + selector.replace("'", "\\'")
                + "').getBoundingClientRect();"
                + " return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height}; })()");
        return screenshot(file, box.path("x").asDouble(), box.path("y").asDouble(), box.path("w").asDouble(),
                box.path("h").asDouble());
    }

    private static Path write(Path file, String base64) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Console messages, uncaught exceptions and error log entries seen so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The URL of every request the page made so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The distinct colors of a screenshot, every second pixel of every second row: a blank page has a few. */
    public static java.util.Set<Integer> distinctColors(Path png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            java.util.Set<Integer> colors = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    colors.add(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
            return colors;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the screenshot " + png, e);
        }
    }

    /** Chromium on PATH; without it the calling test fails in CI and is skipped elsewhere. */
    public static Path executable() {
        Optional<Path> found = Optional.empty();
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(folder, name);
                if (found.isEmpty() && Files.isExecutable(candidate)) {
                    found = Optional.of(candidate);
                }
            }
        }
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("Chromium is not installed (apt-get install -y chromium; .ci/run does this)");
            }
            Assumptions.abort("Chromium is not installed; skipped outside CI");
        }
        return found.get();
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        JsonNode response = answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (response.has("error")) {
            fail(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> problems.add("console." + params.path("type").asText() + ": "
                    + params.path("args"));
            case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if (!params.path("entry").path("level").asText().equals("verbose")) {
                    problems.add("log " + params.path("entry").path("level").asText() + ": "
                            + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
            default -> { }
        }
    }

    private static URI devToolsAddress(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = DEVTOOLS.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(matcher.group(1));
            }
        }
        process.destroyForcibly();
        fail("Chromium did not start its DevTools server:\n" + seen);
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    onMessage(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    problems.add("unreadable DevTools message: " + e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
