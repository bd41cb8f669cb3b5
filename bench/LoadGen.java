import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's load generator and helpers, one file run with the JDK's source launcher
 * ({@code java bench/LoadGen.java <command> ...}), no dependencies.
 *
 * <ul>
 * <li>{@code citizens N FIRST} prints N sandbox citizens as CSV {@code iin,phone,card}: valid IINs, unique phones.</li>
 * <li>{@code mint KEYPAIR IN OUT} mints ES256 access tokens with the sandbox's key (as {@code TokenIssuer} does)
 * for each {@code iin,applicationId} line of IN, writing {@code applicationId token} lines.</li>
 * <li>{@code open BASE TOKENS RATE SECONDS OUT.json}: status reads at a fixed arrival rate (open loop). Latency is
 * measured from the moment a request was due, not when it was sent, so a stalled server is not hidden
 * (coordinated omission).</li>
 * <li>{@code login BASE CITIZENS CONCURRENCY SECONDS OUT.json}: OTP request, SMS read, verify, in a closed loop.</li>
 * <li>{@code journey BASES CITIZENS RATE SECONDS OUT.json}: complete mobile journeys started at a fixed rate; BASES
 * is one base URL or several separated by commas, in which case the steps alternate between them (the OTP is
 * requested through one instance and verified through the other).</li>
 * </ul>
 */
public class LoadGen {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    /** An open-loop run stops issuing when it is this far behind its schedule, so that it ends. */
    static final long MAX_BEHIND_NANOS = 10_000_000_000L;
    static final Pattern OTP = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "citizens" -> citizens(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "mint" -> mint(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "open" -> open(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "login" -> login(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "journey" -> journey(args[1].split(","), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- data

    /** Valid IINs (women born from 1 Jan 1950 on, century digit 4) with a serial from FIRST on; phones +7708NNNNNNN. */
    static void citizens(int n, int first) {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int serial = first;
        int made = 0;
        while (made < n) {
            // 10 000 serials per birth date; the date moves on for more.
            int day = serial / 10_000;
            String digits = String.format("%02d%02d%02d4%04d", 50 + day / 336 % 10, 1 + day / 28 % 12, 1 + day % 28, serial % 10_000);
            serial++;
            int check = checkDigit(digits);
            if (check < 0) {
                continue;
            }
            out.printf("%s%d,+7708%07d,B%08d%n", digits, check, serial, serial);
            made++;
        }
        out.flush();
    }

    static int checkDigit(String d) {
        int[] w1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] w2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (d.charAt(i) - '0') * w1[i];
        }
        int c = s % 11;
        if (c == 10) {
            s = 0;
            for (int i = 0; i < 11; i++) {
                s += (d.charAt(i) - '0') * w2[i];
            }
            c = s % 11;
        }
        return c == 10 ? -1 : c;
    }

    /** KEYPAIR is the sandbox secret "base64(PKCS#8).base64(SPKI)" (table sandbox_secret, name jwt-es256-keypair). */
    static void mint(Path keypair, Path in, Path out) throws Exception {
        String[] halves = Files.readString(keypair).trim().split("\\.");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[0])));
        String kid = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(halves[1])), 0, 8);
        String issuer = System.getProperty("issuer", "https://idcard.egov.kz");
        String audience = System.getProperty("audience", "egov-mobile");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(("{\"kid\":\"" + kid + "\",\"typ\":\"JWT\",\"alg\":\"ES256\"}").getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            for (String line : Files.readAllLines(in)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + f[0] + "\",\"upn\":\"" + f[0]
                        + "\",\"groups\":[\"citizen\"],\"sid\":\"" + UUID.randomUUID() + "\",\"phone\":\"+77000000000\",\"jti\":\""
                        + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 3 * 3600) + "}";
                String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
                signer.initSign(key);
                signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                writer.println(f[1] + " " + signingInput + "." + url.encodeToString(signer.sign()));
            }
        }
    }

    // ---------------------------------------------------------------- recording

    /** Latencies in microseconds, kept whole (a run is at most some hundred thousand requests). */
    static final class Recorder {
        private long[] values = new long[1 << 16];
        private int count;
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();

        synchronized void record(long micros) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = micros;
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }

        synchronized String json() {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            StringBuilder b = new StringBuilder("{\"count\":").append(count).append(",\"errors\":").append(errors.get());
            for (double p : new double[] {50, 90, 95, 99, 99.9}) {
                b.append(",\"p").append(String.valueOf(p).replace(".0", "").replace(".", "_")).append("_ms\":")
                        .append(ms(percentile(sorted, p)));
            }
            b.append(",\"max_ms\":").append(ms(count == 0 ? 0 : sorted[count - 1]));
            b.append(",\"mean_ms\":").append(ms(count == 0 ? 0 : (long) Arrays.stream(sorted).average().orElse(0)));
            b.append(",\"error_kinds\":{");
            String sep = "";
            for (Map.Entry<String, AtomicInteger> e : errorKinds.entrySet()) {
                b.append(sep).append('"').append(e.getKey().replace("\"", "'")).append("\":").append(e.getValue().get());
                sep = ",";
            }
            return b.append("}}").toString();
        }

        /** Latency percentiles as a distribution: (percentile, ms) pairs for the chart. */
        synchronized String distribution() {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            StringBuilder b = new StringBuilder("[");
            String sep = "";
            for (double p : new double[] {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.99, 100}) {
                b.append(sep).append("[").append(p).append(",").append(ms(percentile(sorted, p))).append("]");
                sep = ",";
            }
            return b.append("]").toString();
        }

        static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        static String ms(long micros) {
            return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
        }
    }

    // ---------------------------------------------------------------- status read, open loop

    /**
     * Status reads at a fixed arrival rate over raw HTTP/1.1 keep-alive connections: one selector
     * thread, each request encoded once, so that the generator takes little of the machine it
     * shares with the service (the JDK's HttpClient needed about as much CPU per request as the
     * service). A request that is due while every connection is busy waits in a queue; its latency
     * still counts from when it was due (no coordinated omission).
     */
    static void open(String base, Path tokens, int rate, int seconds, Path out) throws Exception {
        URI uri = URI.create(base);
        String host = uri.getHost() + ":" + uri.getPort();
        List<byte[]> requests = Files.readAllLines(tokens).stream().filter(l -> !l.isBlank()).map(l -> l.split(" "))
                .map(p -> ("GET /api/v1/applications/" + p[0] + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + p[1]
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                .toList();
        int connections = Integer.getInteger("open.connections", 256);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        try (Selector selector = Selector.open()) {
            List<RawConnection> all = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                all.add(new RawConnection(address, selector));
            }
            // Warm-up, not recorded: a second at the rate (JIT of both sides, connections).
            runOpen(selector, all, requests, rate, 1, new Recorder(), 0);
            Recorder recorder = new Recorder();
            long[] outcome = runOpen(selector, all, requests, rate, seconds, recorder, requests.size() / 2);
            long unsent = outcome[0];
            double elapsed = outcome[1] / 1e9;
            if (unsent > 0) {
                recorder.errors.addAndGet((int) unsent);
                recorder.errorKinds.put("not sent: the server fell more than 10 s behind", new AtomicInteger((int) unsent));
            }
            long done = recorder.count + recorder.errors.get() - unsent;
            String json = "{\"scenario\":\"status-read-open\",\"rate\":" + rate + ",\"seconds\":" + seconds + ",\"connections\":"
                    + connections + ",\"unsent\":" + unsent + ",\"elapsed_s\":" + String.format(Locale.ROOT, "%.2f", elapsed)
                    + ",\"achieved_rps\":" + String.format(Locale.ROOT, "%.1f", done / elapsed)
                    + ",\"latency\":" + recorder.json() + ",\"distribution\":" + recorder.distribution() + "}";
            Files.writeString(out, json);
            System.out.println(json);
            for (RawConnection c : all) {
                c.channel.close();
            }
        }
    }

    /** One open-loop run; returns {requests not sent because the server fell too far behind, elapsed nanoseconds}. */
    static long[] runOpen(Selector selector, List<RawConnection> all, List<byte[]> requests, int rate, int seconds, Recorder recorder,
            int offset) throws Exception {
        java.util.ArrayDeque<RawConnection> idle = new java.util.ArrayDeque<>(all);
        java.util.ArrayDeque<long[]> waiting = new java.util.ArrayDeque<>(); // {due, request index}
        long total = (long) rate * seconds;
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long next = 0;
        long unsent = 0;
        int busy = 0;
        long deadline = Long.MAX_VALUE;
        while (next < total || busy > 0 || !waiting.isEmpty()) {
            long now = System.nanoTime();
            while (next < total && start + next * period <= now) {
                long due = start + next * period;
                if (now - due > MAX_BEHIND_NANOS) {
                    unsent = total - next;
                    next = total;
                    break;
                }
                waiting.add(new long[] {due, (offset + next) % requests.size()});
                next++;
            }
            while (!waiting.isEmpty() && !idle.isEmpty()) {
                long[] w = waiting.poll();
                RawConnection c = idle.poll();
                c.send(requests.get((int) w[1]), w[0]);
                busy++;
            }
            if (next >= total && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + 30_000_000_000L;
            }
            if (System.nanoTime() > deadline) {
                recorder.errors.addAndGet(busy + waiting.size());
                recorder.errorKinds.put("no answer within 30 s", new AtomicInteger(busy + waiting.size()));
                break;
            }
            long untilNext = next < total ? Math.max(0, start + next * period - System.nanoTime()) : 1_000_000;
            if (untilNext < 200_000) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, untilNext / 1_000_000));
            }
            java.util.Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                RawConnection c = (RawConnection) key.attachment();
                int status = c.read();
                if (status != 0) {
                    long micros = (System.nanoTime() - c.due) / 1000;
                    if (status == 200) {
                        recorder.record(micros);
                    } else {
                        recorder.error(status < 0 ? "connection closed" : "HTTP " + status);
                    }
                    busy--;
                    if (status > 0) {
                        idle.add(c);
                    } else {
                        c.reopen(selector);
                        idle.add(c);
                    }
                }
            }
        }
        return new long[] {unsent, System.nanoTime() - start};
    }

    /** A keep-alive HTTP/1.1 connection that reads just enough of an answer: its status and its length. */
    static final class RawConnection {
        final InetSocketAddress address;
        SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
        long due;

        RawConnection(InetSocketAddress address, Selector selector) throws java.io.IOException {
            this.address = address;
            reopen(selector);
        }

        void reopen(Selector selector) throws java.io.IOException {
            if (channel != null) {
                channel.close();
            }
            channel = SocketChannel.open(address);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
            in.clear();
        }

        void send(byte[] request, long due) throws java.io.IOException {
            this.due = due;
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        /** 0 while the answer is incomplete, its status once complete, -1 when the server closed the connection. */
        int read() throws java.io.IOException {
            if (channel.read(in) < 0) {
                return -1;
            }
            byte[] a = in.array();
            int n = in.position();
            int headersEnd = -1;
            for (int i = 3; i < n; i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                    headersEnd = i + 1;
                    break;
                }
            }
            if (headersEnd < 0) {
                return 0;
            }
            String headers = new String(a, 0, headersEnd, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(headers.substring(9, 12));
            int at = headers.indexOf("\r\ncontent-length:");
            if (at < 0) {
                // Chunked: complete at the last chunk.
                String body = new String(a, headersEnd, n - headersEnd, StandardCharsets.US_ASCII);
                if (!body.endsWith("0\r\n\r\n")) {
                    return 0;
                }
            } else {
                int length = Integer.parseInt(headers.substring(at + 17, headers.indexOf('\r', at + 17)).trim());
                if (n < headersEnd + length) {
                    return 0;
                }
            }
            in.clear();
            return status;
        }
    }

    // ---------------------------------------------------------------- HTTP steps

    record Answer(int status, String body, byte[] bytes) {
    }

    static CompletableFuture<Answer> call(String method, String url, String token, String json, boolean binary) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (binary) {
            return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(r -> new Answer(r.statusCode(), null, r.body()));
        }
        return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Answer(r.statusCode(), r.body(), null));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return unescape(m.group(1));
    }

    /** A JSON string's content as text: the escapes a JSON writer uses undone. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    /** A step of a journey: the request, the status it must answer, and its time recorded under its name. */
    static final class Steps {
        final Map<String, Recorder> byStep = new LinkedHashMap<>();
        final String[] bases;
        int next;

        Steps(String[] bases, String... names) {
            this.bases = bases;
            for (String n : names) {
                byStep.put(n, new Recorder());
            }
        }

        CompletableFuture<Answer> run(String name, int instance, String method, String path, String token, String json, int expected,
                boolean binary) {
            long started = System.nanoTime();
            String base = bases[instance % bases.length];
            return call(method, base + path, token, json, binary).thenApply(answer -> {
                Recorder r = byStep.get(name);
                if (answer.status() != expected) {
                    r.error("HTTP " + answer.status());
                    throw new StepFailed(name + " answered " + answer.status() + ": "
                            + (answer.body() == null ? "" : answer.body().substring(0, Math.min(300, answer.body().length()))));
                }
                r.record((System.nanoTime() - started) / 1000);
                return answer;
            });
        }

        String json() {
            StringBuilder b = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<String, Recorder> e : byStep.entrySet()) {
                b.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue().json());
                sep = ",";
            }
            return b.append("}").toString();
        }
    }

    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    static CompletableFuture<String> login(Steps s, String iin, String phone, int a, int b) {
        return s.run("otp", a, "POST", "/api/v1/auth/otp", null, "{\"iin\":\"" + iin + "\",\"phone\":\"" + phone + "\"}", 201, false)
                .thenCompose(otp -> s.run("sms", a, "GET", "/api/v1/sandbox/sms?phone=" + phone.replace("+", "%2B"), null, null, 200, false)
                        .thenCompose(sms -> {
                            Matcher m = OTP.matcher(sms.body());
                            if (!m.find()) {
                                throw new StepFailed("no code in " + sms.body());
                            }
                            return s.run("verify", b, "POST", "/api/v1/auth/otp/" + field(otp.body(), "challengeId") + "/verify", null,
                                    "{\"code\":\"" + m.group() + "\"}", 200, false);
                        }))
                .thenApply(verified -> field(verified.body(), "accessToken"));
    }

    // ---------------------------------------------------------------- login, closed loop

    static void login(String base, Path citizensFile, int concurrency, int seconds, Path out) throws Exception {
        List<String[]> citizens = Files.readAllLines(citizensFile).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        Steps steps = new Steps(new String[] {base}, "otp", "sms", "verify");
        Recorder whole = new Recorder();
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            loops.add(loginLoop(steps, citizens, cursor, end, whole, ok));
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        String json = "{\"scenario\":\"login\",\"concurrency\":" + concurrency + ",\"elapsed_s\":" + String.format(Locale.ROOT, "%.2f", elapsed)
                + ",\"logins\":" + ok.get() + ",\"logins_per_s\":" + String.format(Locale.ROOT, "%.1f", ok.get() / elapsed)
                + ",\"errors\":" + whole.errors.get() + ",\"login\":" + whole.json() + ",\"steps\":" + steps.json() + "}";
        Files.writeString(out, json);
        System.out.println(json);
    }

    static CompletableFuture<Void> loginLoop(Steps steps, List<String[]> citizens, AtomicInteger cursor, long end, Recorder whole,
            AtomicInteger ok) {
        if (System.nanoTime() > end) {
            return CompletableFuture.completedFuture(null);
        }
        int i = cursor.getAndIncrement();
        if (i >= citizens.size()) {
            System.err.println("login: out of citizens after " + i);
            return CompletableFuture.completedFuture(null);
        }
        String[] c = citizens.get(i);
        long started = System.nanoTime();
        return login(steps, c[0], c[1], 0, 0).handle((token, failure) -> {
            if (failure != null) {
                whole.error(rootMessage(failure));
            } else {
                whole.record((System.nanoTime() - started) / 1000);
                ok.incrementAndGet();
            }
            return null;
        }).thenCompose(ignored -> loginLoop(steps, citizens, cursor, end, whole, ok));
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        String m = t instanceof StepFailed ? t.getMessage() : t.getClass().getSimpleName();
        return m.length() > 120 ? m.substring(0, 120) : m;
    }

    // ---------------------------------------------------------------- the mobile journey, open loop

    static void journey(String[] bases, Path citizensFile, int rate, int seconds, Path out) throws Exception {
        List<String[]> citizens = Files.readAllLines(citizensFile).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair faceId = generator.generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(faceId.getPublic().getEncoded());
        Steps steps = new Steps(bases, "otp", "sms", "verify", "device", "create", "photo", "biometrics", "questionnaire", "invoice",
                "bank-pays", "challenge", "confirmation");
        Recorder whole = new Recorder();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refusedAtDoor = new AtomicInteger();
        AtomicInteger failedAfterPayment = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        int total = rate * seconds;
        if (total > citizens.size()) {
            throw new IllegalArgumentException("need " + total + " citizens, have " + citizens.size());
        }
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > MAX_BEHIND_NANOS) {
                int unstarted = total - i;
                whole.errors.addAndGet(unstarted);
                failures.put("not started: the generator fell more than 10 s behind", new AtomicInteger(unstarted));
                whole.errorKinds.put("not started: the generator fell more than 10 s behind", new AtomicInteger(unstarted));
                break;
            }
            String[] c = citizens.get(i);
            all.add(oneJourney(steps, c[0], c[1], faceId, publicKey).handle((status, failure) -> {
                if (failure != null) {
                    String m = rootMessage(failure);
                    if (m.startsWith("otp answered 503") && m.contains("service-busy")) {
                        // Admission control: told at the door to come back later; nothing was started.
                        refusedAtDoor.incrementAndGet();
                        return null;
                    }
                    whole.error(m);
                    failures.computeIfAbsent(m, k -> new AtomicInteger()).incrementAndGet();
                    if (m.startsWith("challenge answered") || m.startsWith("confirmation answered") || m.startsWith("status ")) {
                        failedAfterPayment.incrementAndGet();
                    }
                } else {
                    whole.record((System.nanoTime() - due) / 1000);
                    ok.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        String json = "{\"scenario\":\"journey\",\"instances\":" + bases.length + ",\"rate\":" + rate + ",\"seconds\":" + seconds
                + ",\"elapsed_s\":" + String.format(Locale.ROOT, "%.2f", elapsed) + ",\"started\":" + total + ",\"completed\":" + ok.get()
                // Journeys that completed, over the window in which they were started; drain_s says how long the
                // last ones took to finish after it (a service that falls behind shows here and in the latency).
                + ",\"completed_per_s\":" + String.format(Locale.ROOT, "%.1f", (double) ok.get() / seconds)
                + ",\"drain_s\":" + String.format(Locale.ROOT, "%.2f", elapsed - seconds) + ",\"errors\":" + whole.errors.get()
                // Admission control: refused at the first step with 503 SERVICE_BUSY (not errors); of the journeys let in,
                // the share that completed, and the ones that failed after the bank had paid.
                + ",\"refused_at_door\":" + refusedAtDoor.get() + ",\"admitted\":" + (total - refusedAtDoor.get())
                + ",\"completed_of_admitted\":" + String.format(Locale.ROOT, "%.4f",
                        (double) ok.get() / Math.max(1, total - refusedAtDoor.get()))
                + ",\"failed_after_payment\":" + failedAfterPayment.get()
                + ",\"journey\":" + whole.json() + ",\"steps\":" + steps.json() + "}";
        Files.writeString(out, json);
        System.out.println(json);
    }

    /**
     * One citizen's mobile journey. With two instances the steps alternate between them: the OTP is asked
     * through the first and verified through the second, and so on, so nothing may live in one instance's memory.
     */
    static CompletableFuture<String> oneJourney(Steps s, String iin, String phone, KeyPair faceId, String publicKey) {
        return login(s, iin, phone, 0, 1).thenCompose(token -> s.run("device", 0, "POST", "/api/v1/devices", token,
                        "{\"publicKey\":\"" + publicKey + "\",\"platform\":\"IOS\",\"name\":\"iPhone 15\"}", 201, false)
                .thenCompose(device -> s.run("create", 1, "POST", "/api/v1/applications", token, "{\"channel\":\"MOBILE\"}", 201, false)
                        .thenCompose(created -> {
                            String id = field(created.body(), "id");
                            String app = "/api/v1/applications/" + id;
                            return s.run("photo", 0, "GET", "/api/v1/sandbox/citizens/" + iin + "/reference-photo", null, null, 200, true)
                                    .thenCompose(photo -> s.run("biometrics", 1, "POST", app + "/biometrics", token,
                                            "{\"selfie\":\"" + Base64.getEncoder().encodeToString(photo.bytes()) + "\"}", 200, false))
                                    .thenCompose(face -> {
                                        if (!face.body().contains("\"MATCH\"")) {
                                            throw new StepFailed("face did not match: " + face.body());
                                        }
                                        return s.run("questionnaire", 0, "PUT", app + "/questionnaire", token,
                                                "{\"personalDataConfirmed\":true,\"contactPhone\":\"" + phone
                                                        + "\",\"pickupPointId\":\"SHY-01\",\"tier\":\"URGENT\"}", 200, false);
                                    })
                                    .thenCompose(q -> s.run("invoice", 1, "POST", app + "/payment", token, null, 201, false))
                                    .thenCompose(invoice -> s.run("bank-pays", 0, "POST",
                                            "/api/v1/sandbox/payments/" + field(invoice.body(), "invoiceId") + "/pay", null, "{}", 200, false))
                                    .thenCompose(paid -> s.run("challenge", 1, "GET", app + "/signing-challenge", token, null, 200, false))
                                    .thenCompose(challenge -> {
                                        String signature;
                                        try {
                                            Signature signer = Signature.getInstance("SHA256withECDSA");
                                            signer.initSign(faceId.getPrivate());
                                            signer.update(field(challenge.body(), "challenge").getBytes(StandardCharsets.UTF_8));
                                            signature = Base64.getEncoder().encodeToString(signer.sign());
                                        } catch (Exception e) {
                                            throw new IllegalStateException(e);
                                        }
                                        return s.run("confirmation", 0, "POST", app + "/confirmation", token,
                                                "{\"method\":\"DEVICE\",\"deviceId\":\"" + field(device.body(), "id") + "\",\"signature\":\""
                                                        + signature + "\"}", 200, false);
                                    })
                                    .thenApply(confirmed -> {
                                        String status = field(confirmed.body(), "status");
                                        if (!"SUBMITTED".equals(status)) {
                                            throw new StepFailed("status " + status + " after confirmation");
                                        }
                                        return status;
                                    });
                        })));
    }

}
