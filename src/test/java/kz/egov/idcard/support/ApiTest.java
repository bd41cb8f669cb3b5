package kz.egov.idcard.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.egov.idcard.common.time.ClockProducer;

/**
 * What API tests share: every request and response is validated against the committed
 * {@code openapi.yaml} (a request that breaks it on purpose is marked with {@link #invalid()}), and helpers that make a test
 * citizen and log them in through the sandbox as an integration tester would.
 */
public abstract class ApiTest {

    private static final Pattern OTP = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");
    protected static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A test that sends a request the contract does not allow, on purpose (bad input must be
     * refused), says so with this header; the filter removes it before sending and checks only
     * the response. Every other request is checked against {@code openapi.yaml} too.
     */
    public static final String INVALID_ON_PURPOSE = "X-Test-Invalid-On-Purpose";

    static {
        RestAssured.filters(new ContractFilter(OpenApiInteractionValidator
                .createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
                // Paths outside the contract (/q/health, unknown routes) are for the route's own tests to judge.
                .withLevelResolver(com.atlassian.oai.validator.report.LevelResolver.create()
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE).build())
                .build()));
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A request that breaks the contract on purpose: only its answer is checked against it. */
    protected static io.restassured.specification.RequestSpecification invalid() {
        return given().header(INVALID_ON_PURPOSE, "yes");
    }

    /** Runs last, so that it sees the request as sent (with the token RestAssured's auth adds). */
    private record ContractFilter(OpenApiInteractionValidator validator) implements io.restassured.filter.OrderedFilter {
        @Override
        public int getOrder() {
            return io.restassured.filter.OrderedFilter.LOWEST_PRECEDENCE;
        }

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
            boolean onPurpose = request.getHeaders().hasHeaderWithName(INVALID_ON_PURPOSE);
            if (onPurpose) {
                request.removeHeader(INVALID_ON_PURPOSE);
            }
            if (request.getAuthenticationScheme() instanceof io.restassured.authentication.PreemptiveOAuth2HeaderScheme oauth) {
                // RestAssured adds the token after the filters; add it as the header it becomes, so it is checked too.
                request.auth().none();
                request.header("Authorization", "Bearer " + oauth.getAccessToken());
            }
            com.atlassian.oai.validator.model.Request sent = RestAssuredRequest.of(request);
            if (!onPurpose) {
                requireValid("request", validator.validateRequest(sent));
            }
            Response response = context.next(request, responseSpec);
            requireValid("response", validator.validateResponse(sent.getPath(), sent.getMethod(), RestAssuredResponse.of(response)));
            String type = response.getContentType();
            if (type != null && type.startsWith("application/problem+json")) {
                ProblemLog.note(sent.getMethod().name(), sent.getPath(), response.statusCode(), response.jsonPath().getString("code"));
            }
            return response;
        }

        private static void requireValid(String what, ValidationReport report) {
            if (report.hasErrors()) {
                throw new AssertionError("The " + what + " breaks openapi.yaml:\n" + report.getMessages().stream()
                        .map(message -> " - " + message.getMessage()).collect(java.util.stream.Collectors.joining("\n")));
            }
        }
    }

    /** A fresh phone number nobody else in the test database has. */
    protected static String newPhone() {
        return "+7705" + String.format("%07d", RANDOM.nextInt(10_000_000));
    }

    /** A test citizen whose card expires on the given date; returns the stored citizen. */
    protected static Map<String, Object> newCitizen(LocalDate expiresOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("phone", newPhone(), "lastName", "Тестов", "firstName", "Тест",
                        "idCard", Map.of("expiresOn", expiresOn.toString())))
                .post("/api/v1/sandbox/citizens")
                .then().statusCode(201)
                .extract().jsonPath().getMap("");
    }

    protected static Map<String, Object> newCitizen() {
        return newCitizen(LocalDate.now(ClockProducer.ZONE).plusDays(10));
    }

    protected static Response requestCode(String iin, String phone) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("iin", iin, "phone", phone))
                .post("/api/v1/auth/otp");
    }

    /** The newest code the sandbox SMS gateway sent to the phone. */
    protected static String lastCode(String phone) {
        List<String> texts = given().queryParam("phone", phone).get("/api/v1/sandbox/sms")
                .then().statusCode(200).extract().jsonPath().getList("text", String.class);
        if (texts.isEmpty()) {
            throw new AssertionError("no SMS was sent to " + phone);
        }
        Matcher matcher = OTP.matcher(texts.get(0));
        if (!matcher.find()) {
            throw new AssertionError("no code in: " + texts.get(0));
        }
        return matcher.group();
    }

    protected static int smsCount(String phone) {
        return given().queryParam("phone", phone).get("/api/v1/sandbox/sms")
                .then().statusCode(200).extract().jsonPath().getList("").size();
    }

    protected static Response verify(String challengeId, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/auth/otp/{id}/verify", challengeId);
    }

    /** Logs the citizen in and returns the token response. */
    protected static Map<String, Object> login(String iin, String phone) {
        String challenge = requestCode(iin, phone).then().statusCode(201).extract().path("challengeId");
        return verify(challenge, lastCode(phone)).then().statusCode(200).extract().jsonPath().getMap("");
    }

    protected static String accessToken(Map<String, Object> citizen) {
        return (String) login((String) citizen.get("iin"), (String) citizen.get("phone")).get("accessToken");
    }

    /** Runs the call from n threads at once and returns every result, for exactly-once tests. */
    protected static <T> List<T> parallel(int n, java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The BIOMETRICS step passed as a tester would: the registry's own photo sent back as the selfie. */
    protected static void passFaceMatch(String token, String applicationId, String iin) {
        String selfie = java.util.Base64.getEncoder().encodeToString(given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", iin)
                .then().statusCode(200).extract().asByteArray());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", selfie))
                .post("/api/v1/applications/{id}/biometrics", applicationId).then().statusCode(200)
                .body("result", org.hamcrest.Matchers.equalTo("MATCH"));
    }

    /** A new draft of the citizen's with the face matched and the questionnaire filled (pickup AST-01); returns its id. */
    protected static String draftUpToQuestionnaire(String token, String iin, String channel, String tier) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", channel))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(token, id, iin);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("personalDataConfirmed", true, "contactPhone", "+77011234567", "pickupPointId", "AST-01", "tier", tier))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        return id;
    }

    /** A fresh EC P-256 key pair, as a phone's secure enclave makes one. */
    protected static java.security.KeyPair p256() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ECDSA P-256 / SHA-256 over the text's UTF-8 bytes, base64 of the DER signature, as the app signs a challenge. */
    protected static String sign(java.security.KeyPair key, String text) {
        try {
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enrols the key as the citizen's device ({@code POST /devices}) and returns the device id. */
    protected static String enrolDevice(String token, java.security.KeyPair key, String platform) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("publicKey", java.util.Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
                        "platform", platform, "name", platform.equals("IOS") ? "iPhone 15" : "Pixel 8"))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");
    }
}
