package kz.egov.idcard.citizen.http;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** What every read from a registry shares: bounded retries with back-off, then a 503 the citizen can retry. */
final class RegistryCalls {

    private static final Logger LOG = Logger.getLogger(RegistryCalls.class);

    private RegistryCalls() {
    }

    static <T> Uni<T> read(String registry, int retries, Uni<T> call) {
        Uni<T> attempt = call;
        if (retries > 0) {
            attempt = call.onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(retries);
        }
        return attempt.onFailure().transform(failure -> {
            LOG.warnf("Registry %s failed: %s", registry, failure.toString());
            return new ApiException(ErrorCode.REGISTRY_UNAVAILABLE).retryAfter(10);
        });
    }

    static <T> T ok(RestResponse<T> response) {
        if (response.getStatus() != 200 || response.getEntity() == null) {
            throw new IllegalStateException("registry answered HTTP " + response.getStatus());
        }
        return response.getEntity();
    }
}
