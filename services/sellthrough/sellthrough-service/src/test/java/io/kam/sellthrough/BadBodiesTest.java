package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;

/**
 * Bodies and requests the service cannot use as a whole: each is a problem detail naming what is wrong, and nothing of
 * the batch is kept.
 */
class BadBodiesTest extends ServiceTest {

    private final String nora = TestTokens.nora();

    @Test
    void anEmptyBodyAHeaderWithoutRowsOrABadHeaderFailsTheBatch() {
        UUID account = retailers.open(Region.EAST, "S1");

        Response empty = push(account, "empty", "text/csv", null, new byte[0]);
        Response headerOnly = push(account, "header", "text/csv", null, HEADER.getBytes(StandardCharsets.UTF_8));
        Response badHeader = push(account, "bad-header", "text/csv", null, "store,sku,date,units,sales,currency\nS1,1,2,3,4,CNY\n"
                .getBytes(StandardCharsets.UTF_8));
        Response emptyNdjson = push(account, "empty-nd", "application/x-ndjson", null, "\n\n".getBytes(StandardCharsets.UTF_8));

        assertThat(problem(empty)).isEqualTo("422 empty-body: the body is empty: send a header line and at least one row");
        assertThat(problem(headerOnly)).isEqualTo("422 empty-body: the body holds a header but no rows");
        assertThat(problem(badHeader)).startsWith("422 invalid-header: the header names an unknown column 'sku'");
        assertThat(problem(emptyNdjson)).isEqualTo("422 empty-body: the body is empty: send one JSON object per line");
        var batch = api.get("/api/sell-through/batches/header-" + account).body();
        assertThat(batch.path("status").asString()).isEqualTo("FAILED");
        assertThat(batch.at("/problem/code").asString()).isEqualTo("empty-body");
        assertThat(figures(account)).isEmpty();
    }

    @Test
    void aBodyInAnotherFormatCharsetOrEncodingIsUnsupported() {
        UUID account = retailers.open(Region.EAST, "S1");
        byte[] csv = (HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null)).getBytes(StandardCharsets.UTF_8);

        assertThat(problem(push(account, "json", "application/json", null, csv)))
                .isEqualTo("415 unsupported-media-type: Content-Type application/json is not supported: send text/csv or application/x-ndjson");
        assertThat(problem(push(account, "latin", "text/csv; charset=ISO-8859-1", null, csv)))
                .isEqualTo("415 unsupported-media-type: charset ISO-8859-1 is not supported: send UTF-8 (the default), GBK or GB18030");
        assertThat(problem(push(account, "brotli", "text/csv", "br", csv)))
                .isEqualTo("415 unsupported-media-type: Content-Encoding br is not supported: send the body as it is, or gzip-compressed");
        assertThat(problem(push(account, "none", null, null, csv))).startsWith("415 unsupported-media-type");
        assertThat(problem(push(account, "not-gzip", "text/csv", "gzip", csv)))
                .isEqualTo("422 unreadable-body: the body is not valid gzip: Not in GZIP format");
        assertThat(api.get("/api/sell-through/batches/json-" + account).status()).as("refused before any batch began").isEqualTo(404);
        assertThat(figures(account)).isEmpty();
    }

    @Test
    void theBatchIdModeAndAccountMustBeUsable() {
        UUID account = retailers.open(Region.EAST, "S1");
        byte[] csv = (HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null)).getBytes(StandardCharsets.UTF_8);

        assertThat(uploads.push(nora, "account=" + account, "text/csv", null, csv).status()).isEqualTo(400);
        assertThat(uploads.push(nora, "batchId=a%20b&account=" + account, "text/csv", null, csv).json().at("/errors/0/field").asString())
                .isEqualTo("batchId");
        assertThat(uploads.push(nora, "batchId=m-" + account + "&mode=loose&account=" + account, "text/csv", null, csv)
                .json().at("/errors/0/field").asString()).isEqualTo("mode");
        assertThat(uploads.push(nora, "batchId=x-" + account, "text/csv", null, csv).json().at("/errors/0/field").asString())
                .isEqualTo("account");
        assertThat(uploads.push(nora, "batchId=x-" + account + "&account=" + account + "&retailer=YZ", "text/csv", null, csv)
                .status()).isEqualTo(400);
        assertThat(problem(uploads.push(nora, "batchId=x-" + account + "&account=" + UUID.randomUUID(), "text/csv", null, csv)))
                .startsWith("404 not-found: Account");
        assertThat(problem(uploads.push(nora, "batchId=x-" + account + "&retailer=NO-SUCH", "text/csv", null, csv)))
                .isEqualTo("404 not-found: Retailer code NO-SUCH does not exist");
    }

    @Test
    void anAccountMayBeNamedByItsRetailerCode() {
        UUID account = retailers.open(Region.EAST, "S1");
        String code = "YZ" + account.toString().substring(0, 8);
        var settings = api.put("/api/sell-through/accounts/" + account + "/settings", Map.of("retailerCode", code,
                "currency", "CNY", "returnsAllowed", false), "\"0\"");

        Response pushed = uploads.csv(nora, "batchId=code-" + account + "&retailer=" + code.toLowerCase(),
                HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null));

        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.etag()).isEqualTo("\"1\"");
        assertThat(pushed.status()).isEqualTo(201);
        assertThat(pushed.get("accountId")).isEqualTo(account.toString());
    }

    private Response push(UUID account, String id, String type, String encoding, byte[] body) {
        return uploads.push(nora, "batchId=" + id + "-" + account + "&account=" + account, type, encoding, body);
    }

    private static String problem(Response response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return response.status() + " " + response.get("code") + ": " + response.get("detail");
    }
}
