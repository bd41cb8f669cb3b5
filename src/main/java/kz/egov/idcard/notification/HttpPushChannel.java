package kz.egov.idcard.notification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Failures are left to the outbox, which retries with back-off. */
@ApplicationScoped
@Adapter("http")
public class HttpPushChannel implements PushChannel {

    private final PushClient client;

    public HttpPushChannel(@RestClient PushClient client) {
        this.client = client;
    }

    @Override
    public Uni<Void> push(String iin, String title, String body) {
        return client.push(new PushClient.Message(iin, title, body)).replaceWithVoid();
    }
}
