package kz.egov.idcard.common.web;

import io.vertx.core.http.HttpServerRequest;

/** Where a request came from, for the audit log. Forwarded headers count only behind a configured proxy. */
public record ClientInfo(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public static ClientInfo of(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(address, agent);
    }

    public static ClientInfo system() {
        return new ClientInfo(null, "system");
    }
}
