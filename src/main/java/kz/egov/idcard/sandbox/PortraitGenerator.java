package kz.egov.idcard.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Draws a simple passport-style portrait for a test citizen who was created without a photo:
 * a head, hair, eyes and shoulders whose shapes and colours follow from a seed, so each
 * citizen gets a distinct, repeatable picture. Encoded as PNG by hand, without AWT, so it
 * works the same in a native image.
 */
public final class PortraitGenerator {

    static final int WIDTH = 240;
    static final int HEIGHT = 300;

    private static final int[][] SKIN = {{241, 204, 170}, {224, 183, 148}, {198, 152, 116}, {164, 118, 84}, {232, 196, 160}};
    private static final int[][] HAIR = {{30, 24, 20}, {62, 44, 30}, {110, 80, 50}, {150, 150, 150}, {18, 18, 22}};
    private static final int[][] CLOTHES = {{40, 50, 80}, {70, 70, 70}, {20, 60, 60}, {90, 40, 40}, {30, 30, 30}};

    private PortraitGenerator() {
    }

    public static byte[] portrait(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] pixels = new int[WIDTH * HEIGHT];
        background(pixels, random);

        int[] skin = SKIN[random.nextInt(SKIN.length)];
        int[] hair = HAIR[random.nextInt(HAIR.length)];
        int[] clothes = CLOTHES[random.nextInt(CLOTHES.length)];
        int cx = WIDTH / 2 + random.nextInt(-6, 7);
        int headRx = 52 + random.nextInt(14);
        int headRy = 68 + random.nextInt(12);
        int headCy = 125 + random.nextInt(-6, 7);

        ellipse(pixels, cx, HEIGHT + 20, 110 + random.nextInt(20), 90, rgb(clothes));
        rect(pixels, cx - 22, headCy + headRy - 20, cx + 22, headCy + headRy + 40, rgb(shade(skin, -12)));
        ellipse(pixels, cx, headCy - headRy / 3, headRx + 8, headRy * 2 / 3 + 10, rgb(hair));
        ellipse(pixels, cx, headCy, headRx, headRy, rgb(skin));
        ellipse(pixels, cx - headRx - 2, headCy + 5, 9, 16, rgb(shade(skin, -8)));
        ellipse(pixels, cx + headRx + 2, headCy + 5, 9, 16, rgb(shade(skin, -8)));
        rect(pixels, cx - headRx, headCy - headRy, cx + headRx, headCy - headRy + 18 + random.nextInt(14), rgb(hair));

        int eyeDx = 20 + random.nextInt(8);
        int eyeY = headCy - 8 + random.nextInt(-4, 5);
        for (int side = -1; side <= 1; side += 2) {
            int ex = cx + side * eyeDx;
            ellipse(pixels, ex, eyeY, 11, 6, rgb(250, 250, 250));
            ellipse(pixels, ex, eyeY, 5, 5, rgb(60 + random.nextInt(60), 45, 30));
            ellipse(pixels, ex, eyeY, 2, 2, rgb(10, 10, 10));
            rect(pixels, ex - 12, eyeY - 16, ex + 12, eyeY - 13 + random.nextInt(2), rgb(hair));
        }
        rect(pixels, cx - 3, eyeY + 8, cx + 3, eyeY + 30, rgb(shade(skin, -25)));
        int mouthY = headCy + headRy / 2 + random.nextInt(-4, 4);
        ellipse(pixels, cx, mouthY, 16 + random.nextInt(6), 4, rgb(170, 70, 70));
        return png(pixels);
    }

    /**
     * A light background with a gradient and a fine wave pattern whose angle and frequency follow
     * from the seed, like the guilloche of a document photo; it makes each portrait its own picture.
     */
    private static void background(int[] pixels, SplittableRandom random) {
        int base = 190 + random.nextInt(40);
        double gradientAngle = random.nextDouble() * Math.PI * 2;
        double waveAngle = random.nextDouble() * Math.PI;
        double frequency = 0.08 + random.nextDouble() * 0.25;
        double phase = random.nextDouble() * Math.PI * 2;
        int tint = random.nextInt(3);
        double gx = Math.cos(gradientAngle);
        double gy = Math.sin(gradientAngle);
        double wx = Math.cos(waveAngle);
        double wy = Math.sin(waveAngle);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double gradient = 30 * ((x - WIDTH / 2.0) * gx + (y - HEIGHT / 2.0) * gy) / WIDTH;
                double wave = 14 * Math.sin((x * wx + y * wy) * frequency + phase);
                int level = (int) (base + gradient + wave);
                pixels[y * WIDTH + x] = rgb(level - (tint == 0 ? 15 : 0), level - (tint == 1 ? 15 : 0), level - (tint == 2 ? 15 : 0));
            }
        }
    }

    private static int[] shade(int[] color, int delta) {
        return new int[] {clamp(color[0] + delta), clamp(color[1] + delta), clamp(color[2] + delta)};
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static int rgb(int[] c) {
        return rgb(c[0], c[1], c[2]);
    }

    private static int rgb(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static void rect(int[] pixels, int x0, int y0, int x1, int y1, int color) {
        for (int y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(WIDTH, x1); x++) {
                pixels[y * WIDTH + x] = color;
            }
        }
    }

    private static void ellipse(int[] pixels, int cx, int cy, int rx, int ry, int color) {
        for (int y = Math.max(0, cy - ry); y <= Math.min(HEIGHT - 1, cy + ry); y++) {
            for (int x = Math.max(0, cx - rx); x <= Math.min(WIDTH - 1, cx + rx); x++) {
                double dx = (x - cx) / (double) rx;
                double dy = (y - cy) / (double) ry;
                if (dx * dx + dy * dy <= 1.0) {
                    pixels[y * WIDTH + x] = color;
                }
            }
        }
    }

    static byte[] png(int[] pixels) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + WIDTH * 3];
                for (int y = 0; y < HEIGHT; y++) {
                    row[0] = 0;
                    for (int x = 0; x < WIDTH; x++) {
                        int p = pixels[y * WIDTH + x];
                        row[1 + x * 3] = (byte) (p >> 16);
                        row[2 + x * 3] = (byte) (p >> 8);
                        row[3 + x * 3] = (byte) p;
                    }
                    deflate.write(row);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteBuffer header = ByteBuffer.allocate(13).putInt(WIDTH).putInt(HEIGHT)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", header.array());
            chunk(out, "IDAT", raw.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
