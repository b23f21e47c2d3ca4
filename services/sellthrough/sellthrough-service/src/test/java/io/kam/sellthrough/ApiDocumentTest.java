package io.kam.sellthrough;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OpenAPI document names every endpoint, and the upload's two body types. */
class ApiDocumentTest extends ServiceTest {

    @Test
    void theApiDocumentDescribesTheUploadAndEveryResource() {
        var document = api.get("/v3/api-docs").body();

        assertThat(document.path("paths").propertyNames()).contains("/api/sell-through/batches",
                "/api/sell-through/batches/{batchId}", "/api/sell-through/batches/{batchId}/rejections",
                "/api/sell-through/accounts/{accountId}/settings", "/api/sell-through/accounts/{accountId}/connector",
                "/api/sell-through/accounts/{accountId}/connector/pull");
        assertThat(document.at("/paths/~1api~1sell-through~1batches/post/requestBody/content").propertyNames())
                .containsExactlyInAnyOrder("text/csv", "application/x-ndjson");
    }
}
