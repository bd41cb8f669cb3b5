package kz.egov.idcard.sandbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.egov.idcard.biometrics.BiometricsConfig;
import kz.egov.idcard.biometrics.FaceMatch;
import kz.egov.idcard.biometrics.FaceMatcher;
import kz.egov.idcard.biometrics.Image;
import kz.egov.idcard.biometrics.Images;
import kz.egov.idcard.citizen.ReferencePhoto;
import kz.egov.idcard.common.Blocking;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.ValidationProblem;

/**
 * The sandbox's face matcher. It is NOT face recognition: it compares the two pictures as
 * pictures. Both are reduced to a small grey thumbnail and compared by correlation, so the same
 * picture, or the same picture re-encoded or resized, matches, and a different picture does not.
 * A nearly uniform picture (no contrast) cannot be processed. This lets integration testers drive
 * every branch: send the reference photo to match, any other picture to miss, a blank one to be
 * redirected at once.
 *
 * <p>A reference photo is decoded and reduced once: its thumbnail is kept by the photo's SHA-256
 * (a few hundred at most; the sandbox's citizens share a handful of portraits).
 */
@ApplicationScoped
@Adapter("sandbox")
public class SandboxFaceMatcher implements FaceMatcher {

    static final int THUMB_WIDTH = 36;
    static final int THUMB_HEIGHT = 45;
    /** Below this spread of grey levels (0-255) a picture shows nothing that can be compared. */
    static final double MIN_CONTRAST = 6.0;
    static final double POOR_CONTRAST = 20.0;

    /** Distinct reference photos remembered; past it the memory starts again. */
    static final int REMEMBERED_REFERENCES = 256;

    private final BiometricsConfig config;
    private final Map<ByteBuffer, double[]> referenceThumbnails = new ConcurrentHashMap<>();

    public SandboxFaceMatcher(BiometricsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "sandbox-picture-compare";
    }

    @Override
    public Uni<FaceMatch> compare(ReferencePhoto reference, Image selfie) {
        return Blocking.onWorker(() -> judge(referenceThumbnail(reference), selfie, config.matchThreshold()));
    }

    static FaceMatch judge(Image reference, Image selfie, double threshold) {
        return judge(thumbnail(reference.pixels()), selfie, threshold);
    }

    private double[] referenceThumbnail(ReferencePhoto reference) {
        ByteBuffer key = ByteBuffer.wrap(sha256(reference.bytes()));
        double[] known = referenceThumbnails.get(key);
        if (known != null) {
            return known;
        }
        double[] thumbnail;
        try {
            thumbnail = thumbnail(Images.decode("referencePhoto", reference.bytes(), Images.Limits.REGISTRY_PHOTO).pixels());
        } catch (ValidationProblem unreadable) {
            throw new ApiException(ErrorCode.REGISTRY_UNAVAILABLE).retryAfter(60);
        }
        if (referenceThumbnails.size() >= REMEMBERED_REFERENCES) {
            referenceThumbnails.clear();
        }
        referenceThumbnails.put(key, thumbnail);
        return thumbnail;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static FaceMatch judge(double[] reference, Image selfie, double threshold) {
        double[] probe = thumbnail(selfie.pixels());
        double spread = standardDeviation(probe);
        if (spread < MIN_CONTRAST) {
            return new FaceMatch(FaceMatch.Decision.CANNOT_PROCESS, 0.0, FaceMatch.Quality.UNUSABLE);
        }
        double score = Math.max(0.0, correlation(reference, probe));
        FaceMatch.Quality quality = spread < POOR_CONTRAST ? FaceMatch.Quality.POOR : FaceMatch.Quality.GOOD;
        FaceMatch.Decision decision = score >= threshold ? FaceMatch.Decision.MATCH : FaceMatch.Decision.NO_MATCH;
        return new FaceMatch(decision, Math.round(score * 10_000) / 10_000.0, quality);
    }

    /** Area-averaged grey thumbnail of fixed size. */
    static double[] thumbnail(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[] sums = new double[THUMB_WIDTH * THUMB_HEIGHT];
        int[] counts = new int[THUMB_WIDTH * THUMB_HEIGHT];
        // Decoded JPEGs and PNGs are 8-bit sRGB: their samples are read as they are; any other
        // picture goes through getRGB's conversion, which gives the same values for those, slower.
        Raster raster = image.getRaster();
        boolean srgb8 = image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().isCS_sRGB() && raster.getTransferType() == DataBuffer.TYPE_BYTE
                && raster.getNumBands() >= 3 && !model.isAlphaPremultiplied();
        int bands = raster.getNumBands();
        int[] row = new int[width * (srgb8 ? bands : 1)];
        for (int y = 0; y < height; y++) {
            if (srgb8) {
                raster.getPixels(0, y, width, 1, row);
            } else {
                image.getRGB(0, y, width, 1, row, 0, width);
            }
            int ty = Math.min(THUMB_HEIGHT - 1, y * THUMB_HEIGHT / height);
            for (int x = 0; x < width; x++) {
                double grey;
                if (srgb8) {
                    int i = x * bands;
                    grey = 0.299 * row[i] + 0.587 * row[i + 1] + 0.114 * row[i + 2];
                } else {
                    int rgb = row[x];
                    grey = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                }
                int tx = Math.min(THUMB_WIDTH - 1, x * THUMB_WIDTH / width);
                sums[ty * THUMB_WIDTH + tx] += grey;
                counts[ty * THUMB_WIDTH + tx]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }
        return sums;
    }

    static double correlation(double[] a, double[] b) {
        double meanA = mean(a);
        double meanB = mean(b);
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
