package kz.egov.idcard.biometrics;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.image.ImageFormat;

/**
 * Turns what a client sent into a decoded image, or a validation problem naming the field: not
 * base64, too large, not a JPEG or PNG by its bytes, a resolution out of bounds (read from the
 * header, before decoding, so a decompression bomb is never expanded), or undecodable. Blocking
 * CPU work: call it on a worker thread.
 */
public final class Images {

    /** Bounds a picture must keep to: bytes, and the smallest and largest side in pixels. */
    public record Limits(int maxBytes, int minResolution, int maxResolution) {
        /** Registry photos are trusted for size but must still decode within sane bounds. */
        public static final Limits REGISTRY_PHOTO = new Limits(10 * 1024 * 1024, 16, 8192);

        public static Limits of(BiometricsConfig config) {
            return new Limits(config.maxSelfieBytes(), config.minResolution(), config.maxResolution());
        }
    }

    private Images() {
    }

    public static Image decodeBase64(String field, String base64, Limits limits) {
        if (base64 == null || base64.isBlank()) {
            throw ValidationProblem.of(field, "REQUIRED");
        }
        if (base64.length() > limits.maxBytes() / 3 * 4 + 8) {
            throw ValidationProblem.of(field, "TOO_LARGE");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of(field, "INVALID_BASE64");
        }
        return decode(field, bytes, limits);
    }

    public static Image decode(String field, byte[] bytes, Limits limits) {
        if (bytes.length > limits.maxBytes()) {
            throw ValidationProblem.of(field, "TOO_LARGE");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> ValidationProblem.of(field, "NOT_AN_IMAGE"));
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw ValidationProblem.of(field, "UNREADABLE_IMAGE");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < limits.minResolution() || height < limits.minResolution()
                        || width > limits.maxResolution() || height > limits.maxResolution()) {
                    throw ValidationProblem.of(field, "RESOLUTION_OUT_OF_RANGE");
                }
                BufferedImage pixels = reader.read(0);
                return new Image(bytes, format, pixels);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationProblem problem) {
                throw problem;
            }
            throw ValidationProblem.of(field, "UNREADABLE_IMAGE");
        }
    }
}
