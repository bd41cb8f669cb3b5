package kz.egov.idcard.biometrics;

import java.awt.image.BufferedImage;
import kz.egov.idcard.common.image.ImageFormat;

/** An image as received (its bytes and sniffed format) and as decoded. */
public record Image(byte[] bytes, ImageFormat format, BufferedImage pixels) {

    public int width() {
        return pixels.getWidth();
    }

    public int height() {
        return pixels.getHeight();
    }
}
