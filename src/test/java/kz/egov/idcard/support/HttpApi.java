package kz.egov.idcard.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client of the API for tests that drive a service process of their own (no global
 * RestAssured state): requests are values, so the same one can be sent again after a crash.
 */
public final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** A test citizen of the sandbox registry. */
    public record Citizen(String iin, String phone) {
    }

    /** What came back, and how long it took. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers, long millis) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String text(String field) {
            JsonNode value = json().get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final String base;
    private final HttpClient http;

    public HttpApi(String base) {
        this.base = base;
        // HTTP/1.1 and a fresh connection pool per client: a killed server's sockets are not reused.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    public HttpRequest request(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            try {
                builder.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return builder.build();
    }

    public HttpRequest get(String path, String token) {
        return request("GET", path, token, null, Map.of());
    }

    public Reply send(HttpRequest request) {
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers(), (System.nanoTime() - begin) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new sandbox citizen whose card expires in ten days (inside the window), with a random
     * phone starting with {@code phonePrefix} (e.g. {@code "+7706"}).
     */
    public Citizen newSandboxCitizen(String phonePrefix, String lastName) {
        String phone = phonePrefix + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        Reply made = send(request("POST", "/api/v1/sandbox/citizens", null, Map.of("phone", phone, "lastName", lastName,
                "firstName", "Тест", "idCard", Map.of("expiresOn", LocalDate.now(ALMATY).plusDays(10).toString())), Map.of()));
        if (made.status() != 201) {
            throw new AssertionError("sandbox citizen not made: " + made);
        }
        return new Citizen(made.text("iin"), phone);
    }

    /** The newest 6-digit code the sandbox's SMS gateway "sent" to the phone. */
    public String lastCode(String phone) {
        Reply sms = send(get("/api/v1/sandbox/sms?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), null));
        JsonNode list = sms.json();
        if (list.isEmpty()) {
            throw new AssertionError("no SMS was sent to " + phone);
        }
        Matcher matcher = CODE.matcher(list.get(0).get("text").asText());
        if (!matcher.find()) {
            throw new AssertionError("no code in " + list.get(0));
        }
        return matcher.group();
    }
}
