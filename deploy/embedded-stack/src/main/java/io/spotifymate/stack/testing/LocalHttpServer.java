package io.spotifymate.stack.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on a free loopback port, for tests that play a remote party (Spotify, a language model, the
 * model registry) the way it speaks over HTTP. Each request is handled on a thread of its own, so one slow answer
 * does not hold up the others.
 */
public final class LocalHttpServer {

    private LocalHttpServer() {}

    /** Started, answering requests under {@code path} with {@code handler}. */
    public static HttpServer serve(String path, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext(path, handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a local HTTP port", e);
        }
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}. */
    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
