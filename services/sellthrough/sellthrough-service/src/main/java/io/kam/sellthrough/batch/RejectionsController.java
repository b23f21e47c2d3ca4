package io.kam.sellthrough.batch;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.kam.platform.events.Actor;
import io.kam.sellthrough.access.SellThroughAccess;

/**
 * The rejected rows of a batch as CSV ({@code line,field,reason,value}, UTF-8 with a byte order mark so that
 * spreadsheet programs read Chinese text right), streamed from the database however long it is.
 */
@RestController
class RejectionsController {

    private static final int FETCH_SIZE = 2_000;

    private final BatchesController batches;
    private final SellThroughAccess access;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    RejectionsController(BatchesController batches, SellThroughAccess access, JdbcTemplate jdbc,
                         PlatformTransactionManager transactions) {
        this.batches = batches;
        this.access = access;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/api/sell-through/batches/{batchId}/rejections")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String batchId,
                                                 @org.springframework.web.bind.annotation.RequestParam(required = false)
                                                 java.util.UUID account) {
        Actor actor = access.reportReader();
        var batch = batches.visible(batchId, account, actor);
        String id = batch.id();
        long no = batch.no();
        int attempt = batch.attempt();
        StreamingResponseBody body = out -> {
            BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            csv.write('\uFEFF');
            csv.write("line,field,reason,value\n");
            readOnly.executeWithoutResult(t -> jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "select line, field, reason, value from batch_rejection where batch_no = ? and attempt = ? order by line, n");
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, no);
                statement.setInt(2, attempt);
                return statement;
            }, rs -> {
                try {
                    csv.write(Long.toString(rs.getLong(1)));
                    csv.write(',');
                    csv.write(quoted(rs.getString(2)));
                    csv.write(',');
                    csv.write(quoted(rs.getString(3)));
                    csv.write(',');
                    String value = rs.getString(4);
                    csv.write(value == null ? "" : quoted(value));
                    csv.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            csv.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-rejections.csv\"")
                .body(body);
    }

    /** A negative number and nothing else: the one value starting with a minus that a spreadsheet may read as it is. */
    private static final java.util.regex.Pattern NEGATIVE_NUMBER = java.util.regex.Pattern.compile("-(\\d+(\\.\\d*)?|\\.\\d+)");

    /**
     * A CSV field, quoted. Text that a spreadsheet would take for a formula (starting with =, +, @, a tab or a carriage
     * return, or with a minus unless the whole value is a negative number: {@code -2+3+cmd|…} is a formula) gets a
     * leading apostrophe: the values come from retailers' files, not from us.
     */
    static String quoted(String value) {
        boolean formula = !value.isEmpty() && ("=+@\t\r".indexOf(value.charAt(0)) >= 0
                || value.charAt(0) == '-' && !NEGATIVE_NUMBER.matcher(value).matches());
        return "\"" + (formula ? "'" : "") + value.replace("\"", "\"\"") + "\"";
    }
}
