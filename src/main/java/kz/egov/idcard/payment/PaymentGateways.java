package kz.egov.idcard.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import kz.egov.idcard.common.adapters.Adapters;
import kz.egov.idcard.common.startup.StartupRequirement;

/** The payment gateway in use, as {@code idcard.payments.gateway} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class PaymentGateways implements StartupRequirement {

    private final PaymentsConfig config;

    public PaymentGateways(PaymentsConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(PaymentsConfig config, @Any Instance<PaymentGateway> all) {
        return Adapters.choose(all, "idcard.payments.gateway", config.gateway());
    }

    /** The HTTP implementation needs its base URL: named at start with everything else missing. */
    @Override
    public List<String> missing() {
        return Adapters.missingBaseUrl(config.gateway(), "payment-gateway", "IDCARD_PAYMENT_GATEWAY_URL");
    }
}
