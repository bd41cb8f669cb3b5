package kz.egov.idcard.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The state fee's invoices and the payment gateway's notices (docs/product.md R10). */
@ConfigMapping(prefix = "idcard.payments")
public interface PaymentsConfig {

    /** Which gateway: {@code http} (the real one) or {@code sandbox}. */
    @WithDefault("http")
    String gateway();

    /** How long an invoice can be paid. */
    @WithDefault("PT24H")
    Duration invoiceTtl();

    /** How far a notice's timestamp may be from now, either way, before it is refused as a replay. */
    @WithDefault("PT5M")
    Duration noticeTolerance();

    /** Secret shared with the gateway for the HMAC-SHA256 of its notices (base64, at least 32 bytes). Required outside the sandbox. */
    Optional<String> hmacSecret();

    /** How often refunds due are sent to the gateway ({@code off} disables the job, as in tests). */
    @WithDefault("30s")
    String refundCheckEvery();

    /** How long after the gateway took a refund it is asked again whether the money went back. */
    @WithDefault("PT1H")
    Duration refundRecheck();

    /** After this many unanswered sends a refund is FAILED, for the operators to settle by hand. */
    @WithDefault("10")
    int refundMaxAttempts();

    /** Where the sandbox's "banking app" link points. */
    @WithDefault("https://pay.sandbox.egov.kz/invoices/")
    String sandboxPayUrl();
}
