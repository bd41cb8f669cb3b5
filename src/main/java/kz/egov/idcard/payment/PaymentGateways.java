package kz.egov.idcard.payment;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Chooses the payment gateway by configuration ({@code idcard.payments.gateway}). */
@ApplicationScoped
public class PaymentGateways {

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(PaymentsConfig config, Instance<SandboxPaymentGateway> sandbox, Instance<HttpPaymentGateway> http) {
        return "sandbox".equals(config.gateway()) ? sandbox.get() : http.get();
    }

    void requireUrl(@Observes StartupEvent ignored, PaymentsConfig config) {
        if (!"sandbox".equals(config.gateway()) && ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client.payment-gateway.url", String.class).filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalStateException("Refusing to start without the base URL of: IDCARD_PAYMENT_GATEWAY_URL "
                    + "(quarkus.rest-client.payment-gateway.url)");
        }
    }
}
