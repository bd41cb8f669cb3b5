package kz.egov.idcard.common.adapters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Names one implementation of an external system's interface ({@code http}, {@code sandbox}...).
 * Implementations carry it instead of being injected directly; each feature produces the one its
 * setting names with {@link Adapters#choose}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Adapter {

    String value();

    /** The qualifier as a value, to select an implementation by the name a setting gives. */
    final class Literal extends AnnotationLiteral<Adapter> implements Adapter {

        private static final long serialVersionUID = 1L;
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
