package kz.egov.idcard.biometrics;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Erases sealed selfies older than {@code idcard.biometrics.retention}; safe to run on every instance. */
@ApplicationScoped
public class BiometricRetentionJob {

    private final BiometricsService biometrics;

    public BiometricRetentionJob(BiometricsService biometrics) {
        this.biometrics = biometrics;
    }

    @Scheduled(every = "${idcard.biometrics.retention-check-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> erase() {
        return biometrics.eraseExpiredSelfies().replaceWithVoid();
    }
}
