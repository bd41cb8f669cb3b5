package kz.egov.idcard.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs blocking or CPU-heavy work (image decoding, signature checks) on a worker thread and comes
 * back to the caller's Vert.x context, so that a reactive Hibernate session can carry on after it.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Uni<T> onWorker(Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().completionStage(() -> context.<T>executeBlocking(work::get, false).toCompletionStage());
    }
}
