package kz.egov.idcard.common.image;

import java.util.Optional;

/** The image types we take, recognised by their leading bytes rather than by what the client claims. */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= PNG_SIGNATURE.length + 25) {
            for (int i = 0; i < PNG_SIGNATURE.length; i++) {
                if (bytes[i] != PNG_SIGNATURE[i]) {
                    return Optional.empty();
                }
            }
            return Optional.of(PNG);
        }
        return Optional.empty();
    }
}
