package kz.egov.idcard.common.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A domain refusal: carries a stable code, the arguments its localised message needs, extra
 * problem members (such as {@code attemptsLeft}) and an optional {@code Retry-After}.
 */
public class ApiException extends RuntimeException {

    private static final java.util.Set<String> RESERVED =
            java.util.Set.of("type", "title", "status", "detail", "instance", "code", "requestId", "errors");

    private final ErrorCode code;
    private final Object[] args;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public ApiException(ErrorCode code, Object... args) {
        super(code.name(), null, false, false);
        this.code = code;
        this.args = args;
    }

    public ApiException with(String member, Object value) {
        if (RESERVED.contains(member)) {
            throw new IllegalArgumentException(member + " is a member of every problem");
        }
        extensions.put(member, value);
        return this;
    }

    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        extensions.put("retryAfterSeconds", this.retryAfterSeconds);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
