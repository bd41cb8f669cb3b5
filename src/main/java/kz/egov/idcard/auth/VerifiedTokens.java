package kz.egov.idcard.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, so that the ES256 signature check (the largest cost of a status
 * read, see bench/) runs once per token rather than once per request: a phone polling its
 * application sends the same token many times in its 15 minutes. Only a token identical to the
 * character, signature included, is found; it is taken from the cache only before its {@code exp};
 * the cache is bounded ({@code idcard.jwt.verified-cache-size}, 0 turns it off), keeps each token
 * as a {@link CompactToken} (about 1.9 KB of heap), and holds nothing a
 * second instance would need. Revocation is unaffected: access tokens are never revoked before
 * they expire (docs/api.md, "Security notes").
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser parser;
    private final int capacity;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JWTAuthContextInfo context, JwtConfig config) {
        this.parser = new DefaultJWTParser(context);
        this.capacity = config.verifiedCacheSize();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (capacity <= 0) {
            return parser.parse(token);
        }
        JsonWebToken known = verified.get(token);
        long now = System.currentTimeMillis() / 1000;
        if (known != null && now < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = CompactToken.of(parser.parse(token));
        if (verified.size() >= capacity) {
            verified.values().removeIf(jwt -> jwt.getExpirationTime() <= now);
            // Still full of live tokens: drop a tenth, in hash order (as good as random), rather than
            // track recency on every read.
            Iterator<String> victims = verified.keySet().iterator();
            while (verified.size() >= capacity - capacity / 10 && victims.hasNext()) {
                victims.next();
                victims.remove();
            }
        }
        verified.put(token, fresh);
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
