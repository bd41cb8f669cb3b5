package kz.egov.idcard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on the loopback interface between the service and PostgreSQL, that a test can cut
 * off two ways without touching the shared database server:
 * <ul>
 * <li>{@link Mode#REFUSE}: every open connection is reset and the port stops listening, so a new
 * connection is refused at once (the database host is up, PostgreSQL is not);</li>
 * <li>{@link Mode#BLACKHOLE}: connections are still accepted but nothing moves in either direction,
 * and open connections hang with their bytes held (a network partition, a frozen server). When it
 * ends, the held bytes flow on, as TCP would deliver them after a partition heals.</li>
 * </ul>
 * One thread per direction per connection: the load of a test, not of production.
 */
public final class TcpProxy implements AutoCloseable {

    public enum Mode {
        FORWARD,
        REFUSE,
        BLACKHOLE
    }

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        startAccepting(server);
    }

    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    public synchronized void mode(Mode next) throws IOException {
        Mode previous = mode;
        if (previous == next) {
            return;
        }
        mode = next;
        if (next == Mode.REFUSE) {
            server.close();
            for (Socket socket : sockets) {
                reset(socket);
            }
        } else if (previous == Mode.REFUSE) {
            server = listen(port);
            startAccepting(server);
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        mode = Mode.FORWARD;
        synchronized (gate) {
            gate.notifyAll();
        }
        server.close();
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return socket;
    }

    private void startAccepting(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    accepted.incrementAndGet();
                    Thread link = new Thread(() -> link(client), "proxy-link");
                    link.setDaemon(true);
                    link.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Connects a client to the database once the gate is open, then pumps both ways. */
    private void link(Socket client) {
        sockets.add(client);
        try {
            client.setTcpNoDelay(true);
            awaitOpen();
            if (mode == Mode.REFUSE || closed) {
                reset(client);
                return;
            }
            Socket upstream = new Socket(targetHost, targetPort);
            upstream.setTcpNoDelay(true);
            sockets.add(upstream);
            Thread back = new Thread(() -> pump(upstream, client), "proxy-down");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
        } catch (IOException | InterruptedException e) {
            reset(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitOpen();
                if (mode == Mode.REFUSE) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side is gone: so is the link
        } finally {
            reset(from);
            reset(to);
        }
    }

    /** While black-holed, holds the caller: its bytes wait, as they would in a partitioned network. */
    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (mode == Mode.BLACKHOLE && !closed) {
                gate.wait();
            }
        }
    }

    private void reset(Socket socket) {
        sockets.remove(socket);
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }
}
