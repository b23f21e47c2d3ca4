package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.gtin;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;

/** Pushing batches through the API: formats, encodings, compression, and what becomes of good and bad rows. */
class PushApiTest extends ServiceTest {

    private final String nora = TestTokens.nora();

    @Test
    void aCsvBatchIsCommittedAndItsFiguresKept() {
        UUID account = retailers.open(Region.EAST, "SH-PD-001", "SH-PD-002");
        String body = HEADER + row("SH-PD-001", 1, "2026-03-14", 12, "276.00", 40) + row("SH-PD-002", 1, TODAY.minusDays(1).toString(), 7, "161", null)
                + row("SH-PD-002", 2, TODAY.toString(), 1, "9.90", 3);

        Response pushed = uploads.csv(nora, "batchId=csv-" + account + "&account=" + account, body);

        assertThat(pushed.status()).as(pushed.text()).isEqualTo(201);
        assertThat(pushed.headers().firstValue("Location")).hasValue("/api/sell-through/batches/csv-" + account + "?account=" + account);
        assertThat(pushed.get("status")).isEqualTo("COMPLETED");
        assertThat(List.of(pushed.number("rowsRead"), pushed.number("accepted"), pushed.number("recorded"), pushed.number("rejected")))
                .containsExactly(3L, 3L, 3L, 0L);
        assertThat(pushed.get("firstDay")).isEqualTo("2026-03-14");
        assertThat(pushed.get("lastDay")).as("today in Shanghai, still tomorrow in UTC").isEqualTo(TODAY.toString());
        assertThat(pushed.get("digest")).hasSize(64);
        assertThat(figures(account)).containsExactly(
                java.util.Map.entry("SH-PD-001 0" + gtin(1) + " 2026-03-14", "12 276.00 40"),
                java.util.Map.entry("SH-PD-002 0" + gtin(1) + " " + TODAY.minusDays(1), "7 161.00 null"),
                java.util.Map.entry("SH-PD-002 0" + gtin(2) + " " + TODAY, "1 9.90 3"));
        var read = api.get("/api/sell-through/batches/csv-" + account);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(read.body().path("bytesRead").asLong()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read.body().path("rowsPerSecond").asLong()).isPositive();
        assertThat(new io.kam.platform.testing.Api(port).as(TestTokens.operator()).get("/actuator/metrics/kam.sellthrough.rows?tag=outcome:recorded").body()
                .at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void ndjsonGzipAndChineseEncodingsAreReadAlike() {
        UUID account = retailers.open(Region.EAST, "上海浦东店");
        String ndjson = "{\"store\":\"上海浦东店\",\"gtin\":\"" + gtin(1) + "\",\"date\":\"2026-03-14\",\"units\":2,\"sales\":11.80,\"currency\":\"CNY\"}\n";
        String csv = "\uFEFF" + HEADER + row("上海浦东店", 2, "2026-03-14", 3, "5.00", null);
        Charset gbk = Charset.forName("GBK");

        var asNdjson = uploads.push(nora, "batchId=nd-" + account + "&account=" + account, "application/x-ndjson", "gzip",
                Uploads.gzip(ndjson, StandardCharsets.UTF_8));
        var asGbk = uploads.push(nora, "batchId=gbk-" + account + "&account=" + account, "text/csv; charset=GBK", null,
                csv.substring(1).getBytes(gbk));
        var asGb18030 = uploads.push(nora, "batchId=gb18030-" + account + "&account=" + account, "text/csv;charset=gb18030",
                "gzip", Uploads.gzip(HEADER + row("上海浦东店", 3, "2026-03-14", 1, "1.00", null), Charset.forName("GB18030")));
        var withBom = uploads.push(nora, "batchId=bom-" + account + "&account=" + account, "text/csv", null,
                (csv.replace(gtin(2), gtin(4))).getBytes(StandardCharsets.UTF_8));

        assertThat(List.of(asNdjson.status(), asGbk.status(), asGb18030.status(), withBom.status()))
                .as(asNdjson.text() + asGbk.text() + asGb18030.text() + withBom.text()).containsOnly(201);
        assertThat(figures(account)).hasSize(4).allSatisfy((key, value) -> assertThat(key).startsWith("上海浦东店 "));
    }

    @Test
    void inLenientModeTheValidRowsAreCommittedAndEveryRejectedRowIsReported() {
        UUID account = retailers.open(Region.EAST, "SH-PD-001");
        String body = HEADER
                + row("SH-PD-001", 1, "2026-03-14", 12, "276.00", 40)
                + row("SH-XX-999", 1, "2026-03-14", 1, "1.00", null)
                + "SH-PD-001," + gtin(2).substring(0, 12) + "9,2026-03-14,1,1.00,CNY,\n"
                + row("SH-PD-001", 3, TODAY.plusDays(1).toString(), 1, "1.00", null)
                + row("SH-PD-001", 4, "2026-03-14", -1, "-1.00", null)
                + "\"SH-PD-001,x\n"
                + row("SH-PD-001", 1, "2026-03-14", 13, "277.00", 40)
                + row("SH-PD-001", 5, "2026-03-14", 1, "1.00", null);

        Response pushed = uploads.csv(nora, "batchId=lenient-" + account + "&account=" + account, body);

        assertThat(pushed.status()).isEqualTo(201);
        assertThat(List.of(pushed.number("rowsRead"), pushed.number("accepted"), pushed.number("rejected")))
                .containsExactly(8L, 2L, 6L);
        assertThat(figures(account)).containsOnlyKeys("SH-PD-001 0" + gtin(1) + " 2026-03-14", "SH-PD-001 0" + gtin(5) + " 2026-03-14");
        assertThat(pushed.json().path("firstRejections").valueStream().map(r -> r.path("line").asLong()).toList())
                .containsExactly(3L, 4L, 5L, 6L, 6L, 7L, 8L);
        var report = uploads.get(nora, pushed.get("report"));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(report.text().lines().toList()).containsExactly(
                "\uFEFFline,field,reason,value",
                "3,\"store\",\"is not a store of this account\",\"SH-XX-999\"",
                "4,\"gtin\",\"has the check digit 9 where " + gtin(2).charAt(12) + " is expected\",\"" + gtin(2).substring(0, 12) + "9\"",
                "5,\"date\",\"is after today (" + TODAY + ") in the market's time zone (Asia/Shanghai)\",\"" + TODAY.plusDays(1) + "\"",
                "6,\"units\",\"is negative (returns), which this account does not accept\",\"-1\"",
                "6,\"sales\",\"is negative (returns), which this account does not accept\",\"-1.00\"",
                "7,\"row\",\"unbalanced quote: field 1 is not closed before the end of the line\",",
                "8,\"row\",\"duplicate of line 2: the same store, GTIN and date\",");
    }

    @Test
    void inStrictModeOneRejectedRowRejectsTheBatchAndNothingIsKept() {
        UUID account = retailers.open(Region.EAST, "SH-PD-001");
        String body = HEADER + row("SH-PD-001", 1, "2026-03-14", 12, "276.00", 40) + row("SH-XX-999", 1, "2026-03-14", 1, "1.00", null);

        Response pushed = uploads.csv(nora, "batchId=strict-" + account + "&account=" + account + "&mode=strict", body);

        assertThat(pushed.status()).isEqualTo(422);
        assertThat(pushed.get("code")).isEqualTo("batch-rejected");
        assertThat(pushed.number("rejected")).isEqualTo(1);
        assertThat(pushed.get("report")).isEqualTo("/api/sell-through/batches/strict-" + account + "/rejections?account=" + account);
        assertThat(figures(account)).isEmpty();
        assertThat(db.sql("select count(*) from kam_outbox where record_key = :a").param("a", account.toString())
                .query(Long.class).single()).isZero();
        var batch = api.get("/api/sell-through/batches/strict-" + account).body();
        assertThat(batch.path("status").asString()).isEqualTo("REJECTED");
        assertThat(batch.path("accepted").asLong()).isZero();
        assertThat(uploads.get(nora, pushed.get("report")).text()).contains("3,\"store\",\"is not a store of this account\"");
    }

    @Test
    void aDuplicateInALaterChunkIsRejectedAndTheFirstRowCounts() {
        UUID account = retailers.open(Region.EAST, "S1");
        StringBuilder body = new StringBuilder(HEADER);
        for (int i = 1; i <= CHUNK_ROWS * 2; i++) {
            body.append(row("S1", i, "2026-03-14", i, i + ".00", null));
        }
        body.append(row("S1", 3, "2026-03-14", 999, "999.00", null));

        Response pushed = uploads.csv(nora, "batchId=dup-" + account + "&account=" + account, body.toString());

        assertThat(pushed.number("accepted")).isEqualTo(CHUNK_ROWS * 2);
        assertThat(pushed.json().path("firstRejections").get(0).path("reason").asString())
                .isEqualTo("duplicate of line 4: the same store, GTIN and date");
        assertThat(figures(account).get("S1 0" + gtin(3) + " 2026-03-14")).isEqualTo("3 3.00 null");
    }

    @Test
    void aHugeLineOrInvalidUtf8IsARowErrorNamingItsLine() throws Exception {
        UUID account = retailers.open(Region.EAST, "S1");
        var body = new java.io.ByteArrayOutputStream();
        body.write((HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null) + "S1," + "9".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {'S', (byte) 0xFF, ','});
        body.write((gtin(2) + ",2026-03-14,1,1.00,CNY,\n" + row("S1", 3, "2026-03-14", 1, "1.00", null)).getBytes(StandardCharsets.UTF_8));

        Response pushed = uploads.push(nora, "batchId=bytes-" + account + "&account=" + account, "text/csv", null, body.toByteArray());

        assertThat(pushed.status()).isEqualTo(201);
        assertThat(pushed.number("accepted")).isEqualTo(2);
        assertThat(pushed.json().path("firstRejections").valueStream().map(r -> r.path("line").asLong() + " "
                + r.path("field").asString() + ": " + r.path("reason").asString()).toList()).containsExactly(
                "3 row: the line is 100003 bytes long; at most 1024 are allowed",
                "4 store: holds bytes that are not valid UTF-8");
    }

    @Test
    void returnsAreAcceptedOnceTheAccountsSettingsAllowThem() {
        UUID account = retailers.open(Region.EAST, "S1");
        String body = HEADER + row("S1", 1, "2026-03-14", -2, "-46.00", null);
        assertThat(uploads.csv(nora, "batchId=ret1-" + account + "&account=" + account, body).number("rejected")).isEqualTo(1);

        var settings = api.put("/api/sell-through/accounts/" + account + "/settings",
                java.util.Map.of("currency", "CNY", "returnsAllowed", true), "*");
        Response pushed = uploads.csv(nora, "batchId=ret2-" + account + "&account=" + account, body);

        assertThat(settings.status()).isEqualTo(200);
        assertThat(pushed.number("accepted")).isEqualTo(1);
        assertThat(figures(account)).containsValue("-2 -46.00 null");
    }
}
