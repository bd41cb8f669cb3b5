package kz.egov.idcard.common.error;

import io.smallrye.mutiny.Uni;

/**
 * The answer of a transaction that may have to refuse after recording why (a wrong code counted, a
 * bad signature audited). Thrown inside the transaction, the refusal would roll its record back;
 * so the transaction ends with either the value or the refusal, and {@link #orThrow} throws only
 * once the record is committed.
 */
public final class Refusal<T> {

    private final T value;
    private final ApiException refusal;

    private Refusal(T value, ApiException refusal) {
        this.value = value;
        this.refusal = refusal;
    }

    /** What the transaction made when nothing was refused. */
    public static <T> Refusal<T> none(T value) {
        return new Refusal<>(value, null);
    }

    /** Runs {@code record} in the caller's transaction, then answers the refusal to throw after it commits. */
    public static <T> Uni<Refusal<T>> recordThen(Uni<?> record, ApiException refusal) {
        return record.replaceWith(new Refusal<>(null, refusal));
    }

    /** After the transaction: the value, or the refusal thrown now that its record is kept. */
    public T orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
