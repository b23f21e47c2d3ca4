package io.kam.visits.storecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Photo types are told by their first bytes, never by a name or a declared type. */
class PhotoTypeTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    @Test
    void jpegPngAndWebpAreRecognisedByTheirMagicBytes() {
        assertThat(PhotoType.detect(JPEG)).contains(PhotoType.JPEG);
        assertThat(PhotoType.detect(PNG)).contains(PhotoType.PNG);
        assertThat(PhotoType.detect(WEBP)).contains(PhotoType.WEBP);
    }

    @Test
    void anythingElseIsNoPhoto() {
        byte[] gif = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] riffButWave = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E'};
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

        assertThat(PhotoType.detect(gif)).isEmpty();
        assertThat(PhotoType.detect(riffButWave)).isEmpty();
        assertThat(PhotoType.detect(script)).isEmpty();
        assertThat(PhotoType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).as("too short to tell").isEmpty();
        assertThat(PhotoType.detect(new byte[0])).isEmpty();
    }
}
