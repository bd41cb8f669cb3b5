package kz.egov.idcard.common;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reference data kept in memory and read again after a while, so that an edited table takes
 * effect without a restart. A failed read is not remembered: the next call tries again.
 */
public final class RefreshingValue<T> {

    private record Loaded<T>(T value, long atNanos) {
    }

    private final Supplier<Uni<T>> loader;
    private final long refreshNanos;
    private final AtomicReference<Loaded<T>> current = new AtomicReference<>();

    public RefreshingValue(Supplier<Uni<T>> loader, Duration refresh) {
        this.loader = loader;
        this.refreshNanos = refresh.toNanos();
    }

    public Uni<T> get() {
        Loaded<T> loaded = current.get();
        if (loaded != null && System.nanoTime() - loaded.atNanos() < refreshNanos) {
            return Uni.createFrom().item(loaded.value());
        }
        return Uni.createFrom().<T>deferred(() -> loader.get()).invoke(value -> current.set(new Loaded<>(value, System.nanoTime())));
    }

    public void forget() {
        current.set(null);
    }
}
