package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import kz.egov.idcard.support.HttpApi;
import kz.egov.idcard.support.HttpApi.Reply;
import kz.egov.idcard.support.ServiceProcess;
import kz.egov.idcard.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged service with its system clock moved by libfaketime (PostgreSQL keeps real time; the
 * service takes time only from its Clock): STANDARD mobile and web applications paid on
 * 31 December 2026, the service then restarted with its clock on 1 January 2027 (within the
 * invoice's day), where the mobile one is confirmed and the web one paid, without 2027's MRP or
 * official calendar. Needs Debian's
 * faketime package ({@code .ci/run} installs it when it can).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewYearPackagedIT {

    private static final int PORT = Integer.getInteger("newyear.port", 8098);
    private static final Path FAKETIME = Path.of("/usr/bin/faketime");
    /** 15 working days after 1 January 2027 by the statutory rule (1, 2 → 4, and 7 January off). */
    private static final String ESTIMATED_READY_ON = "2027-01-26";

    private final TestDatabase db = new TestDatabase(System.getProperty("newyear.db", "idcard_newyear"));
    private ServiceProcess service;
    private HttpApi api;

    @BeforeAll
    void startOnNewYearsEve() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(FAKETIME), "Debian's faketime is not installed (apt-get install faketime)");
        db.recreate();
        // libfaketime preloaded into the java process itself (the faketime command would fork it, and a
        // SIGKILL of the command would leave the service running); the clock starts at 14:00 in Almaty (UTC+5).
        service = new ServiceProcess("newyear", PORT, db.name(), Map.of("LD_PRELOAD", "/usr/$LIB/faketime/libfaketime.so.1",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1", "TZ", "UTC", "FAKETIME", "@2026-12-31 09:00:00"));
        service.start();
        api = new HttpApi(service.baseUrl());
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void standardApplicationsPaidOrSignedOnNewYearsEveAreFinishedOnNewYearsDay() throws Exception {
        Map<String, String> mobileCitizen = citizen();
        Map<String, String> webCitizen = citizen();
        KeyPair phone = p256();

        String mobileToken = login(mobileCitizen);
        String mobileDevice = enrol(mobileToken, phone);
        String mobile = draft(mobileToken, mobileCitizen, "MOBILE");
        assertThat(invoice(mobileToken, mobile).get("amount").decimalValue()).isEqualByComparingTo("865.00");
        assertThat(pay(invoice(mobileToken, mobile).get("invoiceId").asText()).text("outcome")).isEqualTo("APPLIED");

        String webToken = login(webCitizen);
        String webDevice = enrol(webToken, phone);
        String web = draft(webToken, webCitizen, "WEB");
        assertThat(sign(webToken, web, "signature", webDevice, phone).status()).isEqualTo(200);
        String webInvoice = invoice(webToken, web).get("invoiceId").asText();

        service.kill();
        service.putEnv("FAKETIME", "@2027-01-01 05:00:00");
        service.start();
        api = new HttpApi(service.baseUrl());

        Reply quote = api.send(api.get("/api/v1/fees/quote?tier=STANDARD", null));
        assertThat(quote.status()).isEqualTo(409);
        assertThat(quote.text("code")).isEqualTo("FEE_NOT_PUBLISHED");

        mobileToken = login(mobileCitizen);
        Reply confirmed = sign(mobileToken, mobile, "confirmation", mobileDevice, phone);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("SUBMITTED");
        assertThat(confirmed.text("readyOn")).isEqualTo(ESTIMATED_READY_ON);
        assertThat(confirmed.json().get("readyOnEstimated").asBoolean()).isTrue();

        Reply paid = pay(webInvoice);
        assertThat(paid.text("outcome")).as(paid.toString()).isEqualTo("APPLIED");
        webToken = login(webCitizen);
        Reply submitted = api.send(api.get("/api/v1/applications/" + web, webToken));
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.text("readyOn")).isEqualTo(ESTIMATED_READY_ON);
        assertThat(submitted.json().get("readyOnEstimated").asBoolean()).isTrue();
    }

    private Map<String, String> citizen() {
        String phone = "+7708" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        Reply made = api.send(api.request("POST", "/api/v1/sandbox/citizens", null, Map.of("phone", phone, "lastName", "Новогодний",
                "firstName", "Тест", "idCard", Map.of("expiresOn", "2027-01-10")), Map.of()));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return Map.of("iin", made.text("iin"), "phone", phone);
    }

    private String login(Map<String, String> citizen) {
        Reply challenge = api.send(api.request("POST", "/api/v1/auth/otp", null, Map.of("iin", citizen.get("iin"),
                "phone", citizen.get("phone")), Map.of()));
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(201);
        Reply tokens = api.send(api.request("POST", "/api/v1/auth/otp/" + challenge.text("challengeId") + "/verify", null,
                Map.of("code", api.lastCode(citizen.get("phone"))), Map.of()));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens.text("accessToken");
    }

    private String enrol(String token, KeyPair key) {
        Reply device = api.send(api.request("POST", "/api/v1/devices", token, Map.of("publicKey",
                Base64.getEncoder().encodeToString(key.getPublic().getEncoded()), "platform", "IOS", "name", "iPhone 15"), Map.of()));
        assertThat(device.status()).as(device.toString()).isEqualTo(201);
        return device.text("id");
    }

    private String draft(String token, Map<String, String> citizen, String channel) {
        Reply created = api.send(api.request("POST", "/api/v1/applications", token, Map.of("channel", channel), Map.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        String selfie = Base64.getEncoder().encodeToString(api.bytes("/api/v1/sandbox/citizens/" + citizen.get("iin") + "/reference-photo"));
        Reply face = api.send(api.request("POST", "/api/v1/applications/" + id + "/biometrics", token, Map.of("selfie", selfie), Map.of()));
        assertThat(face.text("result")).as(face.toString()).isEqualTo("MATCH");
        Reply answers = api.send(api.request("PUT", "/api/v1/applications/" + id + "/questionnaire", token,
                Map.of("personalDataConfirmed", true, "contactPhone", citizen.get("phone"), "pickupPointId", "AST-01", "tier", "STANDARD"),
                Map.of()));
        assertThat(answers.status()).as(answers.toString()).isEqualTo(200);
        return id;
    }

    private JsonNode invoice(String token, String id) {
        Reply invoice = api.send(api.request("POST", "/api/v1/applications/" + id + "/payment", token, null, Map.of()));
        assertThat(invoice.status()).as(invoice.toString()).isIn(200, 201);
        return invoice.json();
    }

    private Reply pay(String invoiceId) {
        return api.send(api.request("POST", "/api/v1/sandbox/payments/" + invoiceId + "/pay", null, Map.of(), Map.of()));
    }

    private Reply sign(String token, String id, String endpoint, String deviceId, KeyPair key) throws Exception {
        Reply challenge = api.send(api.get("/api/v1/applications/" + id + "/signing-challenge", token));
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(200);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(challenge.text("challenge").getBytes(StandardCharsets.UTF_8));
        return api.send(api.request("POST", "/api/v1/applications/" + id + "/" + endpoint, token, Map.of("method", "DEVICE",
                "deviceId", deviceId, "signature", Base64.getEncoder().encodeToString(signer.sign())), Map.of()));
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
