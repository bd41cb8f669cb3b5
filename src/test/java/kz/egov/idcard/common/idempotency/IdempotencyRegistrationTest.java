package kz.egov.idcard.common.idempotency;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

/**
 * Types kept as JSON for an Idempotency-Key must be registered for reflection, or the native image
 * drops the accessors Jackson uses. The service refuses an unregistered one at its first use, so the
 * API tests that retry with a key (LoginApiTest, ApplicationApiTest, BookingApiTest, MobileJourneyIT)
 * fail when a kept type loses its registration.
 */
class IdempotencyRegistrationTest {

    record Unregistered(String value) {
    }

    @RegisterForReflection
    record Registered(String value) {
    }

    @Test
    void anUnregisteredTypeIsRefusedByName() {
        assertThatThrownBy(() -> IdempotencyService.requireRegistered(Unregistered.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Unregistered.class.getName())
                .hasMessageContaining("@RegisterForReflection");
    }

    @Test
    void aRegisteredTypeIsAccepted() {
        assertThatCode(() -> IdempotencyService.requireRegistered(Registered.class)).doesNotThrowAnyException();
    }
}
