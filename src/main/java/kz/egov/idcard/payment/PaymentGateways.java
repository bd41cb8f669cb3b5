package kz.egov.idcard.payment;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;

/** The payment gateway in use, as {@code idcard.payments.gateway} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class PaymentGateways {

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(PaymentsConfig config, @Any Instance<PaymentGateway> all) {
        return Adapters.choose(all, "idcard.payments.gateway", config.gateway());
    }

    void requireUrl(@Observes StartupEvent ignored, PaymentsConfig config) {
        Adapters.requireBaseUrl(config.gateway(), "payment-gateway", "IDCARD_PAYMENT_GATEWAY_URL");
    }
}
