package kz.egov.idcard.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import kz.egov.idcard.common.error.ErrorCode;

/**
 * Refuses a body announced larger than the limit with a 413 problem before reading it. The HTTP
 * layer's own hard limit (quarkus.http.limits.max-body-size, a little higher) still stops a
 * chunked body that announces no length, with a bare 413.
 */
@Singleton
public class BodySizeLimit {

    @ConfigMapping(prefix = "idcard.http")
    public interface HttpConfig {
        /** Largest request body accepted, in bytes (a selfie in base64 is the largest legitimate one). */
        @WithDefault("12582912")
        long maxBodyBytes();
    }

    void register(@Observes Filters filters, HttpConfig config, UnknownRouteHandler problems) {
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > config.maxBodyBytes()) {
                        rc.response().putHeader("Connection", "close");
                        problems.send(rc, ErrorCode.PAYLOAD_TOO_LARGE);
                        return;
                    }
                } catch (NumberFormatException malformed) {
                    problems.send(rc, ErrorCode.MALFORMED_REQUEST);
                    return;
                }
            }
            rc.next();
        }, 900);
    }
}
