package kz.egov.idcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import kz.egov.idcard.common.image.ImageFormat;
import org.junit.jupiter.api.Test;
import kz.egov.idcard.biometrics.FaceMatch;
import kz.egov.idcard.biometrics.Image;

/** The sandbox matcher compares pictures honestly: the same picture matches, another does not. */
public class SandboxFaceMatcherTest {

    private static final double THRESHOLD = 0.97;

    @Test
    void theSamePictureMatchesWithFullScore() throws IOException {
        Image photo = png(PortraitGenerator.portrait(1));
        FaceMatch match = SandboxFaceMatcher.judge(photo, photo, THRESHOLD);
        assertThat(match.decision()).isEqualTo(FaceMatch.Decision.MATCH);
        assertThat(match.score()).isEqualTo(1.0);
        assertThat(match.quality()).isEqualTo(FaceMatch.Quality.GOOD);
    }

    @Test
    void theSamePictureReencodedAsJpegAndResizedStillMatches() throws IOException {
        Image photo = png(PortraitGenerator.portrait(2));
        BufferedImage smaller = new BufferedImage(180, 225, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        g.drawImage(photo.pixels(), 0, 0, 180, 225, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(smaller, "jpg", jpeg);
        Image probe = new Image(jpeg.toByteArray(), ImageFormat.JPEG, ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray())));
        FaceMatch match = SandboxFaceMatcher.judge(photo, probe, THRESHOLD);
        assertThat(match.decision()).isEqualTo(FaceMatch.Decision.MATCH);
    }

    @Test
    void anyOtherPortraitDoesNotMatch() throws IOException {
        double highest = 0;
        for (int a = 0; a < 25; a++) {
            Image reference = png(PortraitGenerator.portrait(a * 7919L));
            for (int b = a + 1; b < 25; b++) {
                FaceMatch match = SandboxFaceMatcher.judge(reference, png(PortraitGenerator.portrait(b * 7919L)), THRESHOLD);
                highest = Math.max(highest, match.score());
                assertThat(match.decision()).as("portrait %d against %d, score %s", a, b, match.score())
                        .isEqualTo(FaceMatch.Decision.NO_MATCH);
            }
        }
        assertThat(highest).isLessThan(THRESHOLD);
    }

    @Test
    void aBlankPictureCannotBeProcessed() throws IOException {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        FaceMatch match = SandboxFaceMatcher.judge(png(PortraitGenerator.portrait(3)), png(out.toByteArray()), THRESHOLD);
        assertThat(match.decision()).isEqualTo(FaceMatch.Decision.CANNOT_PROCESS);
        assertThat(match.quality()).isEqualTo(FaceMatch.Quality.UNUSABLE);
    }

    @Test
    void decodedJpegsAndPngsAreReadFromTheirSamplesExactlyAsThroughGetRgb() throws IOException {
        BufferedImage bgr = png(PortraitGenerator.portrait(4)).pixels();
        assertThat(bgr.getType()).isIn(BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR);
        BufferedImage packed = new BufferedImage(bgr.getWidth(), bgr.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = packed.createGraphics();
        g.drawImage(bgr, 0, 0, null);
        g.dispose();
        assertThat(SandboxFaceMatcher.thumbnail(bgr)).containsExactly(SandboxFaceMatcher.thumbnail(packed));
    }

    public static Image png(byte[] bytes) throws IOException {
        return new Image(bytes, ImageFormat.PNG, ImageIO.read(new ByteArrayInputStream(bytes)));
    }
}
