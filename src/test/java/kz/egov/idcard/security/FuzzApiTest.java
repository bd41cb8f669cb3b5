package kz.egov.idcard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import net.jqwik.api.sessions.JqwikSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every operation of {@code openapi.yaml} is hit with generated hostile input (random and
 * truncated JSON, wrong types, nulls, huge strings and arrays, unicode and control characters,
 * injection strings, odd path and query parameters, absurd dates and amounts, bad tokens). The
 * service never answers 5xx, every refusal is a problem with a code and no stack trace, and a
 * batch of refusals leaves the database as it was.
 */
@QuarkusTest
class FuzzApiTest extends ApiTest {

    /** Requests per run; {@code -Dfuzz.requests=100000} for a longer run. */
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    /** Requests to one operation between two database snapshots. */
    private static final int BATCH = 25;

    /**
     * Tables a refused request writes on purpose, left out of the comparison: the audit log records
     * refusals and every payment notice is stored as received (R10).
     */
    private static final Set<String> RECORDS_REFUSALS = Set.of("audit_event", "payment_notice", "flyway_schema_history");
    /**
     * Refusals that count on purpose, by operation and problem code, with the table each writes: a
     * wrong one-time code uses up one of the three attempts, and a login for a phone the mobile
     * citizens database does not know is kept as a refused challenge so that it counts towards the
     * hourly limits (otherwise IIN and phone pairs could be probed without limit).
     */
    private static final Map<String, Map<String, String>> COUNTS_REFUSALS = Map.of(
            "POST /api/v1/auth/otp", Map.of("PHONE_NOT_REGISTERED", "otp_challenge"),
            "POST /api/v1/auth/otp/{challengeId}/verify", Map.of("OTP_INVALID", "otp_challenge", "OTP_LOCKED", "otp_challenge"),
            "POST /api/v1/applications/{id}/signature/sms", Map.of("OTP_INVALID", "signing_challenge", "OTP_LOCKED", "signing_challenge"));
    /** The HTTP layer's own limits (application.properties); beyond them Vert.x answers 414/431 before any route. */
    private static final int MAX_REQUEST_LINE = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Db db;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private record Operation(String method, String path, List<Parameter> parameters, Schema<?> body, boolean bearer) {
        String name() {
            return method + " " + path;
        }
    }

    /** One answer; {@code beyondHttpLimits} when the request line was longer than the HTTP layer takes. */
    private record Sent(String description, int status, String contentType, String body, boolean beyondHttpLimits) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Hostile hostile;
    private Map<String, List<String>> ids;
    private List<String> tokens;
    private String ownerToken;
    private String operatorToken;

    @Test
    void hostileInputNeverBreaksTheServiceAndRefusalsChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        hostile = new Hostile(seed);
        JqwikSession.start(String.valueOf(seed)); // jqwik's generators outside a jqwik property
        try {
            fuzz(seed);
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz(long seed) throws Exception {
        fixtures();
        List<Operation> operations = operations();
        String snapshotSql = snapshotSql();

        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byOperation = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int batchesCompared = 0;
        int httpLayerRefusals = 0;
        long started = System.nanoTime();
        String before = snapshot(snapshotSql);
        while (sent < REQUESTS && failures.size() < 20) {
            for (Operation operation : operations) {
                boolean allRefused = true;
                List<String> batch = new ArrayList<>();
                Set<String> countedOnPurpose = new java.util.TreeSet<>();
                for (int i = 0; i < BATCH && sent < REQUESTS; i++, sent++) {
                    Sent response = send(operation);
                    String code = problemCode(response);
                    batch.add(response.description() + " -> " + response.status() + (code == null ? "" : " " + code));
                    String counted = code == null ? null : COUNTS_REFUSALS.getOrDefault(operation.name(), Map.of()).get(code);
                    if (counted != null) {
                        countedOnPurpose.add(counted);
                    }
                    byStatus.merge(response.status() / 100 + "xx", 1, Integer::sum);
                    if (response.beyondHttpLimits()) {
                        httpLayerRefusals++;
                    }
                    byOperation.merge(operation.name(), 1, Integer::sum);
                    allRefused &= response.status() >= 400 && response.status() < 500;
                    String problem = problemDefect(response);
                    if (problem != null) {
                        failures.add("seed " + seed + ": " + response.description() + " -> " + response.status() + ": " + problem);
                    }
                }
                String after = snapshot(snapshotSql);
                if (allRefused) {
                    batchesCompared++;
                    Set<String> changed = new java.util.TreeSet<>(changedTables(before, after));
                    changed.removeAll(countedOnPurpose);
                    if (!changed.isEmpty()) {
                        failures.add("seed " + seed + ": refused requests changed " + changed + ": " + String.join("; ", batch));
                    }
                }
                before = after;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        Reliability.write("fuzz", Map.of("seed", seed, "requests", sent, "operations", operations.size(), "byStatusClass", byStatus,
                "refusedBatchesCompared", batchesCompared, "beyondHttpLimits", httpLayerRefusals, "seconds", seconds, "failures", failures.size()));
        assertThat(failures).as("defects found by fuzzing (replay with -Dfuzz.seed=" + seed + ")").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(byOperation.keySet()).as("every operation was hit")
                .containsAll(operations.stream().map(Operation::name).toList());
        assertThat(batchesCompared).as("most batches were refusals and so were compared").isGreaterThan(sent / BATCH / 2);
    }

    // --- what a response must be -----------------------------------------------------------------

    private static String problemDefect(Sent response) {
        if (response.status() < 0 && response.beyondHttpLimits()) {
            // Vert.x's HTTP codec refuses an over-long request line with 414 and closes the connection;
            // a client still sending the body may see the reset before the answer (quarkusio/quarkus#55082).
            return null;
        }
        if (response.status() < 0) {
            return "no answer: " + response.body();
        }
        if (response.status() >= 500) {
            return "server error " + abbreviate(response.body());
        }
        if (response.body().contains("\tat ") || response.body().contains("Exception")) {
            return "leaks internals: " + abbreviate(response.body());
        }
        if (response.status() < 400) {
            return null;
        }
        if (response.status() == 414 && response.beyondHttpLimits()) {
            return null; // refused by Vert.x's HTTP codec before any route can answer (quarkusio/quarkus#55082)
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return "not a problem: " + response.contentType();
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("code").asText("").matches("[A-Z][A-Z_]+")) {
                return "problem without a code: " + abbreviate(response.body());
            }
            if (problem.path("status").asInt() != response.status()) {
                return "problem status differs from the response's";
            }
        } catch (Exception e) {
            return "problem is not JSON: " + abbreviate(response.body());
        }
        return null;
    }

    /** The code of a problem answer; null for anything else. */
    private static String problemCode(Sent response) {
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            return JSON.readTree(response.body()).path("code").textValue();
        } catch (Exception e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // --- the requests ------------------------------------------------------------------------------

    private Sent send(Operation operation) throws Exception {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            String name = parameter.getName();
            switch (parameter.getIn()) {
                case "path" -> path = path.replace("{" + name + "}", URLEncoder.encode(pathValue(operation, name), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                case "query" -> {
                    if (hostile.chance(0.8)) {
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                .append(URLEncoder.encode(parameterValue(parameter), StandardCharsets.UTF_8));
                    }
                }
                case "header" -> {
                    if (hostile.chance(0.7)) {
                        headers.put(name, headerSafe(parameterValue(parameter)));
                    }
                }
                default -> {
                }
            }
        }
        if (hostile.chance(0.15)) {
            query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(hostile.string(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(hostile.string(), StandardCharsets.UTF_8));
        }
        String token = token(operation);
        if (token != null) {
            headers.put("Authorization", "Bearer " + headerSafe(token));
        }
        byte[] body = null;
        String contentType = null;
        if (operation.body() != null || hostile.chance(0.05)) {
            body = body(operation.body());
            contentType = hostile.chance(0.9) ? "application/json"
                    : hostile.pick(List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"));
        }
        URI uri = URI.create("http://localhost:" + port + path + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        String description = operation.method() + " " + abbreviate(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                + " (" + uri.toString().length() + " chars, headers " + headers.keySet() + ")"
                + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        boolean beyondLimits = (operation.method() + " " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1").length() > MAX_REQUEST_LINE;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            // The server closes the connection after a 413/414; the client may not have noticed yet.
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException again) {
                return new Sent(description, -1, null, String.valueOf(again.getMessage()), beyondLimits);
            }
        }
        return new Sent(description, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                beyondLimits);
    }

    /** HTTP header values cannot carry line breaks or most control characters; the client refuses them. */
    private static String headerSafe(String value) {
        String safe = value.chars().filter(c -> c >= 0x20 && c != 0x7f && c < 0x7f).mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());
        return safe.length() > 4000 ? safe.substring(0, 4000) : safe;
    }

    private String pathValue(Operation operation, String name) {
        List<String> known = ids.getOrDefault(operation.path().contains("/devices/") ? "deviceId" : name, List.of());
        if (operation.path().endsWith("/cancel")) {
            known = List.of(); // a real cancel would end the fixture's application
        }
        if (!known.isEmpty() && hostile.chance(0.5)) {
            return hostile.pick(known);
        }
        return hostile.chance(0.3) ? UUID.randomUUID().toString() : hostile.string();
    }

    private String parameterValue(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty() && hostile.chance(0.3)) {
            return String.valueOf(hostile.pick(schema.getEnum()));
        }
        return hostile.string();
    }

    private String token(Operation operation) {
        if (!operation.bearer()) {
            return hostile.chance(0.1) ? ownerToken : null;
        }
        if (operation.path().startsWith("/api/v1/operator") && hostile.chance(0.6)) {
            return operatorToken;
        }
        if (operation.path().endsWith("/cancel")) {
            return hostile.chance(0.5) ? ownerToken : hostile.string();
        }
        return hostile.chance(0.8) ? hostile.pick(tokens) : hostile.chance(0.5) ? null : hostile.string();
    }

    private byte[] body(Schema<?> schema) throws Exception {
        int kind = hostile.below(10);
        if (kind == 0) {
            return hostile.pick(List.of("", "null", "[]", "{", "{\"a\":", "\"just a string\"", "{}}", "{\"a\":1,,}", "\u0000"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            byte[] junk = new byte[hostile.below(64) + 1];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) hostile.below(256); // invalid UTF-8 too
            }
            return junk;
        }
        if (kind == 2) {
            return ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        }
        Object value = kind < 5 ? hostile.value(0) : shaped(schema);
        byte[] json = JSON.writeValueAsBytes(value);
        if (kind == 9 && json.length > 2) {
            return java.util.Arrays.copyOf(json, hostile.below(json.length - 1) + 1); // truncated
        }
        return json;
    }

    /** An object with the schema's fields (examples, enum values, or anything at all) plus fields nobody asked for. */
    private Map<String, Object> shaped(Schema<?> schema) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema != null && schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (hostile.chance(0.15)) {
                    return; // missing
                }
                if (property.getEnum() != null && !property.getEnum().isEmpty() && hostile.chance(0.5)) {
                    object.put(name, hostile.pick(property.getEnum()));
                } else if (property.getExample() != null && hostile.chance(0.4)) {
                    object.put(name, property.getExample());
                } else {
                    object.put(name, hostile.value(1));
                }
            });
        }
        if (hostile.chance(0.3)) {
            object.put(hostile.pick(List.of("status", "amount", "iin", "readyOn", "pointId", "role", "groups", "paid")), hostile.value(2));
        }
        return object;
    }

    // --- the operations and who is calling -----------------------------------------------------------

    @SuppressWarnings("rawtypes")
    private static List<Operation> operations() {
        OpenAPI api = new OpenAPIV3Parser().read(Path.of("openapi.yaml").toAbsolutePath().toString());
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<Operation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Schema<?> body = null;
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                var media = operation.getRequestBody().getContent().get("application/json");
                if (media != null && media.getSchema() != null) {
                    body = resolve(media.getSchema(), schemas);
                }
            }
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            boolean bearer = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            operations.add(new Operation(method.name(), path, parameters, body, bearer));
        }));
        assertThat(operations).hasSizeGreaterThan(30);
        return operations;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> resolve(Schema<?> schema, Map<String, Schema> schemas) {
        if (schema.get$ref() != null) {
            return schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema;
    }

    private void fixtures() throws Exception {
        Map<String, Object> owner = newCitizen();
        ownerToken = accessToken(owner);
        String ownApplication = given().auth().oauth2(ownerToken).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(ownerToken, ownApplication, (String) owner.get("iin"));
        String device = enrolDevice(ownerToken, p256(), "IOS");

        Map<String, Object> other = newCitizen();
        String otherToken = accessToken(other);
        String otherApplication = given().auth().oauth2(otherToken).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");

        Map<String, Object> third = newCitizen();
        String challenge = requestCode((String) third.get("iin"), (String) third.get("phone")).then().statusCode(201)
                .extract().path("challengeId");
        operatorToken = given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01"))
                .post("/api/v1/sandbox/operator-token").then().statusCode(200).extract().path("accessToken");

        ids = Map.of("id", List.of(ownApplication, otherApplication), "deviceId", List.of(device),
                "challengeId", List.of(challenge), "iin", List.of((String) owner.get("iin"), "000000000000"),
                "invoiceId", List.of(UUID.randomUUID().toString()));
        tokens = List.of(ownerToken, ownerToken, ownerToken, otherToken, operatorToken);
    }

    // --- the database before and after -----------------------------------------------------------------

    private String snapshotSql() {
        List<String> tables = db.rows("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' order by table_name").stream()
                .map(row -> (String) row.get("table_name")).filter(name -> !RECORDS_REFUSALS.contains(name)).toList();
        return tables.stream().map(table -> "select '" + table + "' as t, count(*) as n, "
                        + "coalesce(md5(string_agg(md5(to_jsonb(x)::text), '' order by md5(to_jsonb(x)::text))), '') as h from " + table + " x")
                .collect(Collectors.joining(" union all "));
    }

    private String snapshot(String sql) {
        return db.rows(sql).stream().map(row -> row.get("t") + ":" + row.get("n") + ":" + row.get("h")).collect(Collectors.joining("\n"));
    }

    private static List<String> changedTables(String before, String after) {
        List<String> b = List.of(before.split("\n"));
        return List.of(after.split("\n")).stream().filter(line -> !b.contains(line)).map(line -> line.substring(0, line.indexOf(':')))
                .toList();
    }
}
