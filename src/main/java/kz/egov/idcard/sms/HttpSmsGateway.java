package kz.egov.idcard.sms;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Not retried: a message that may have gone out must not go out twice; the citizen asks again after the cooldown. */
@ApplicationScoped
@Adapter("http")
public class HttpSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(HttpSmsGateway.class);

    private final SmsGatewayClient client;

    public HttpSmsGateway(@RestClient SmsGatewayClient client) {
        this.client = client;
    }

    @Override
    public Uni<Void> send(String phone, String text) {
        return client.send(new SmsGatewayClient.Message(phone, text))
                .replaceWithVoid()
                .onFailure().transform(failure -> {
                    LOG.warnf("SMS gateway failed: %s", failure.toString());
                    return new ApiException(ErrorCode.SMS_UNAVAILABLE).retryAfter(30);
                });
    }
}
