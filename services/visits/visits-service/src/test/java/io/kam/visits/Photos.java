package io.kam.visits;

import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads a small JPEG to a store check, for a promotion or not, as the coordinators' app does. */
final class Photos {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    private Photos() {
    }

    record Upload(int status, JsonNode body) {
    }

    static Upload upload(int port, String token, String checkId, UUID promotion) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(JPEG) {
            @Override
            public String getFilename() {
                return "endcap.jpg";
            }
        });
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token)).build()
                .post().uri("/api/visits/store-checks/" + checkId + "/photos" + (promotion == null ? "" : "?promotionId=" + promotion))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((req, res) -> {
                    String text = new String(res.getBody().readAllBytes());
                    return new Upload(res.getStatusCode().value(),
                            text.isBlank() ? null : JsonMapper.builder().build().readTree(text));
                });
    }
}
