package kz.egov.idcard.citizen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import kz.egov.idcard.citizen.http.HttpIdDocumentRegistry;
import kz.egov.idcard.citizen.http.HttpMobileCitizensRegistry;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.sms.HttpSmsGateway;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production clients against a local stub of each government system. */
@QuarkusTest
@QuarkusTestResource(RegistryStubs.class)
public class HttpAdaptersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("http")
    HttpMobileCitizensRegistry mobileCitizens;

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("http")
    HttpIdDocumentRegistry documents;

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("http")
    HttpSmsGateway sms;

    @BeforeEach
    void reset() {
        RegistryStubs.server.resetAll();
    }

    @Test
    void mobileCitizensDatabaseSaysWhetherThePhoneIsTheIins() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify"))
                .withRequestBody(equalToJson("{\"iin\":\"900101300017\",\"phone\":\"+77010000001\"}"))
                .willReturn(okJson("{\"registered\": true}")));
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify"))
                .withRequestBody(equalToJson("{\"iin\":\"900101300017\",\"phone\":\"+77010000099\"}"))
                .willReturn(okJson("{\"registered\": false}")));
        assertThat(mobileCitizens.isRegistered("900101300017", "+77010000001").await().atMost(WAIT)).isTrue();
        assertThat(mobileCitizens.isRegistered("900101300017", "+77010000099").await().atMost(WAIT)).isFalse();
    }

    @Test
    void aFailingMobileCitizensDatabaseIsRetriedThenUnavailable() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify")).willReturn(aResponse().withStatus(500)));
        assertUnavailable(() -> mobileCitizens.isRegistered("900101300017", "+77010000001").await().atMost(WAIT),
                ErrorCode.REGISTRY_UNAVAILABLE);
        RegistryStubs.server.verify(3, postRequestedFor(urlEqualTo("/v1/subscribers/verify")));
    }

    @Test
    void aSlowMobileCitizensDatabaseTimesOut() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify"))
                .willReturn(okJson("{\"registered\": true}").withFixedDelay(3000)));
        assertUnavailable(() -> mobileCitizens.isRegistered("900101300017", "+77010000001").await().atMost(WAIT),
                ErrorCode.REGISTRY_UNAVAILABLE);
    }

    @Test
    void anAnswerWithoutTheVerdictIsNotTakenAsNo() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify")).willReturn(okJson("{}")));
        assertUnavailable(() -> mobileCitizens.isRegistered("900101300017", "+77010000001").await().atMost(WAIT),
                ErrorCode.REGISTRY_UNAVAILABLE);
    }

    @Test
    void theDocumentRegistryGivesThePersonAndTheirCard() {
        RegistryStubs.server.stubFor(get(urlEqualTo("/v1/persons/900101300017")).willReturn(okJson("""
                {"iin": "900101300017", "lastName": "Абенов", "firstName": "Нурлан", "middleName": "Серикович",
                 "birthDate": "1990-01-01", "idCard": {"number": "047512398", "issuedOn": "2016-12-08", "expiresOn": "2026-12-08"}}
                """)));
        PersonRecord person = documents.findPerson("900101300017").await().atMost(WAIT).orElseThrow();
        assertThat(person.lastName()).isEqualTo("Абенов");
        assertThat(person.idCard().expiresOn()).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void anUnknownPersonIsEmptyNotAFailure() {
        RegistryStubs.server.stubFor(get(urlEqualTo("/v1/persons/010916500341")).willReturn(aResponse().withStatus(404)));
        assertThat(documents.findPerson("010916500341").await().atMost(WAIT)).isEmpty();
        RegistryStubs.server.verify(1, getRequestedFor(urlEqualTo("/v1/persons/010916500341")));
    }

    @Test
    void anAnswerForAnotherPersonIsRefused() {
        RegistryStubs.server.stubFor(get(urlEqualTo("/v1/persons/900101300017")).willReturn(okJson("""
                {"iin": "850525401233", "lastName": "X", "firstName": "Y", "birthDate": "1985-05-25"}
                """)));
        assertUnavailable(() -> documents.findPerson("900101300017").await().atMost(WAIT), ErrorCode.REGISTRY_UNAVAILABLE);
    }

    @Test
    void theReferencePhotoComesWithItsType() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};
        RegistryStubs.server.stubFor(get(urlEqualTo("/v1/persons/900101300017/photo"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        ReferencePhoto photo = documents.referencePhoto("900101300017").await().atMost(WAIT).orElseThrow();
        assertThat(photo.bytes()).isEqualTo(jpeg);
        assertThat(photo.contentType()).startsWith("image/jpeg");
    }

    @Test
    void anSmsIsSentOnceAndAFailureIsNotRetried() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(equalToJson("{\"to\":\"+77010000001\",\"text\":\"hello\"}"))
                .willReturn(aResponse().withStatus(202)));
        sms.send("+77010000001", "hello").await().atMost(WAIT);
        RegistryStubs.server.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));

        RegistryStubs.server.resetAll();
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(503)));
        assertUnavailable(() -> sms.send("+77010000001", "hello").await().atMost(WAIT), ErrorCode.SMS_UNAVAILABLE);
        RegistryStubs.server.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    /** The call fails as an outage of {@code code}, with a Retry-After, never as an answer. */
    public static void assertUnavailable(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.retryAfterSeconds()).isPositive();
        });
    }
}
