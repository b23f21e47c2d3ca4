package io.kam.sellthrough.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the charset and format detection (issue 17): whatever a sender puts in Content-Type and
 * Content-Encoding gives one of the supported formats and charsets, or {@link BodyFormat.UnsupportedBody} (a 415
 * problem detail), never another exception. Corpus kept in
 * {@code src/test/resources/io/kam/sellthrough/ingest/BodyFormatFuzzTestInputs/}; see {@code ReadersFuzzTest}.
 */
class BodyFormatFuzzTest {

    @FuzzTest(maxDuration = "4s")
    void anyHeadersGiveASupportedFormatOrA415(FuzzedDataProvider data) {
        String contentType = data.consumeBoolean() ? null : data.consumeString(200);
        String encoding = data.consumeBoolean() ? null : data.consumeRemainingAsString();
        try {
            BodyFormat format = BodyFormat.of(contentType, encoding);
            assertThat(format.charset()).isIn(StandardCharsets.UTF_8, BodyFormat.GBK, BodyFormat.GB18030);
            assertThat(format.format()).isNotNull();
        } catch (BodyFormat.UnsupportedBody refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
