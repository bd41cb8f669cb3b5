package kz.egov.idcard.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Money is never kept without a card: a paid application that is cancelled, or not confirmed in
 * time, and money that arrives after its application ended, are refunded by themselves, each once
 * however many requests, jobs or senders race for it.
 */
@QuarkusTest
class RefundApiTest extends ApiTest {

    @Inject
    Db db;

    @Inject
    MovableClock clock;

    @Inject
    Journeys journeys;

    private Map<String, Object> citizen;
    private String token;

    @BeforeEach
    void citizen() {
        citizen = newCitizen();
        token = accessToken(citizen);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aPaidApplicationCancelledByItsCitizenIsRefundedOnceHoweverManyCancelsRace() throws Exception {
        String id = mobileDraftWithInvoice();
        String invoice = invoiceOf(id);
        pay(invoice, "bank-1").then().statusCode(200).body("outcome", equalTo("APPLIED"));

        List<Integer> statuses = parallel(8, () -> given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", id)
                .then().extract().statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().statusCode(200)
                .body("status", equalTo("REFUND_REQUESTED"));

        parallel(3, journeys::dispatchRefunds);
        journeys.dispatchRefunds();
        refundsOf(invoice).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].amount", equalTo(1771.00f)).body("[0].reason", equalTo("CANCELLED_BY_CITIZEN"))
                .body("[0].invoiceId", equalTo(invoice));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("REFUNDED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("CANCELLED"));
        // One refund, sent once: three senders racing (as three instances would) took it one at a time.
        assertThat(db.count("select count(*) from refund where invoice_id = ?::uuid and status = 'CONFIRMED' and attempts = 1",
                invoice)).isEqualTo(1);
    }

    @Test
    void aPaidMobileApplicationNeverExpiresAsADraftItIsRemindedAtHalfTimeThenCancelledAndRefundedOnce() throws Exception {
        String id = mobileDraftWithInvoice();
        String invoice = invoiceOf(id);
        pay(invoice, "bank-2").then().body("outcome", equalTo("APPLIED"));

        clock.advance(Duration.ofDays(2));
        journeys.expireStaleDrafts();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("DRAFT"))
                .body("nextStep", equalTo("CONFIRMATION"));

        clock.advance(Duration.ofDays(14));
        parallel(3, journeys::settleUnconfirmed);
        journeys.settleUnconfirmed();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("DRAFT"));
        assertThat(db.count("select count(*) from notification_outbox where dedupe_key = ?", "confirm-reminder:" + id)).isEqualTo(1);

        clock.advance(Duration.ofDays(15));
        parallel(3, journeys::settleUnconfirmed);
        journeys.settleUnconfirmed();
        assertThat(db.count("select count(*) from application_event where application_id = ?::uuid and to_status = 'CANCELLED'", id))
                .isEqualTo(1);
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("CANCELLED"));
        journeys.dispatchRefunds();
        journeys.dispatchRefunds();
        refundsOf(invoice).then().body("size()", equalTo(1)).body("[0].reason", equalTo("NOT_CONFIRMED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("REFUNDED"));
    }

    @Test
    void moneyArrivingForACancelledApplicationIsRefundedOnceHoweverOftenTheBankRetries() throws Exception {
        String id = mobileDraftWithInvoice();
        String invoice = invoiceOf(id);
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", id).then().statusCode(200);

        List<String> outcomes = parallel(10, () -> pay(invoice, "bank-late").then().statusCode(200).extract().<String>path("outcome"));
        assertThat(outcomes).filteredOn("REFUND_REQUESTED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("DUPLICATE"::equals).hasSize(9);
        parallel(2, journeys::dispatchRefunds);
        refundsOf(invoice).then().body("size()", equalTo(1)).body("[0].reason", equalTo("APPLICATION_ENDED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("REFUNDED"));
    }

    @Test
    void aSecondPaymentOfAPaidInvoiceIsRefundedWhileTheFirstStands() {
        String id = mobileDraftWithInvoice();
        String invoice = invoiceOf(id);
        pay(invoice, "bank-first").then().body("outcome", equalTo("APPLIED"));
        pay(invoice, "bank-second").then().body("outcome", equalTo("REFUND_REQUESTED"));
        journeys.dispatchRefunds();
        refundsOf(invoice).then().body("size()", equalTo(1)).body("[0].reason", equalTo("ALREADY_PAID"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("PAID"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void anUnpaidCancelledApplicationHasNothingToRefund() {
        String id = mobileDraftWithInvoice();
        String invoice = invoiceOf(id);
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", id).then().statusCode(200);
        journeys.dispatchRefunds();
        refundsOf(invoice).then().statusCode(200).body("size()", equalTo(0));
        assertThat(db.count("select count(*) from refund where invoice_id = ?::uuid", invoice)).isZero();
    }

    @Test
    void theSandboxRefundListNeedsAKnownInvoice() {
        invalid().get("/api/v1/sandbox/refunds").then().statusCode(400).body("errors[0].field", equalTo("invoiceId"));
        given().queryParam("invoiceId", "8d1f7b7e-2f4c-4c38-9a55-0d7f3f7a1b2c").get("/api/v1/sandbox/refunds").then()
                .statusCode(404).body("code", equalTo("INVOICE_NOT_FOUND"));
    }

    @Test
    void aRefundTheGatewayCannotTakeIsTriedAgainLaterAndOneItRefusesIsLeftFailedForTheOperators() {
        String id = mobileDraftWithInvoice();
        String invoice = invoiceOf(id);
        pay(invoice, "bank-3").then().body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", id).then().statusCode(200);
        java.util.concurrent.atomic.AtomicReference<PaymentGateway.RefundState> answer = new java.util.concurrent.atomic.AtomicReference<>();
        QuarkusMock.installMockForType(new PaymentGateway() {
            @Override
            public Uni<String> register(InvoiceRequest request) {
                return Uni.createFrom().failure(new IllegalStateException("not in this test"));
            }

            @Override
            public Uni<RefundState> refund(RefundRequest request) {
                return answer.get() == null ? Uni.createFrom().failure(new IllegalStateException("gateway down"))
                        : Uni.createFrom().item(answer.get());
            }
        }, PaymentGateway.class);

        journeys.dispatchRefunds();
        assertThat(db.count("select count(*) from refund where invoice_id = ?::uuid and status = 'REQUESTED' and attempts = 1 "
                + "and next_attempt_at > now() and last_error like '%gateway down%'", invoice)).isEqualTo(1);
        journeys.dispatchRefunds();
        assertThat(db.count("select count(*) from refund where invoice_id = ?::uuid and attempts = 1", invoice)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        answer.set(PaymentGateway.RefundState.REJECTED);
        journeys.dispatchRefunds();
        assertThat(db.count("select count(*) from refund where invoice_id = ?::uuid and status = 'FAILED' and attempts = 2", invoice))
                .isEqualTo(1);
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("REFUND_REQUESTED"));
        assertThat(db.count("select count(*) from audit_event where subject = (select 'invoice:' || number from invoice where id = ?::uuid) "
                + "and event_type = 'REFUND_FAILED'", invoice)).isEqualTo(1);
    }

    /** A mobile EXPEDITED draft with its face matched, its questionnaire filled and its invoice made. */
    private String mobileDraftWithInvoice() {
        String iin = (String) citizen.get("iin");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(token, id, iin);
        Map<String, Object> answers = new HashMap<>();
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", "+77011234567");
        answers.put("pickupPointId", "AST-01");
        answers.put("tier", "EXPEDITED");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(answers)
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201);
        return id;
    }

    private String invoiceOf(String id) {
        return given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().statusCode(200)
                .extract().path("invoiceId");
    }

    private static Response pay(String invoiceId, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(Map.of())
                .post("/api/v1/sandbox/payments/{id}/pay", invoiceId);
    }

    private static Response refundsOf(String invoiceId) {
        return given().queryParam("invoiceId", invoiceId).get("/api/v1/sandbox/refunds");
    }
}
