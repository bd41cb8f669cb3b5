package kz.egov.idcard.common.startup;

import java.util.List;

/**
 * Something the service needs before it may serve, such as a feature's keys. Each names what it
 * misses ("IDCARD_OTP_HASH_KEY (idcard.otp.hash-key)"), and {@link StartupRequirements} refuses the
 * start naming all of them at once.
 */
public interface StartupRequirement {

    /** What is missing or unusable, each with its environment variable and property; empty when all is there. */
    List<String> missing();
}
