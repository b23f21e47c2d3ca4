package io.kam.sellthrough.ingest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.sellthrough.SellThroughProperties;
import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.SellThroughViews.RejectionView;

/**
 * The batch table: who may ingest a batch id, the progress of a batch being read, and the result of a finished one.
 * A batch id is the client's within one account: another account may use the same id for a batch of its own. Its
 * first run that ends {@code COMPLETED} or {@code REJECTED} is its result for good; a run that {@code FAILED}, or
 * whose instance stopped reporting progress, may be run again. A batch is otherwise referred to by its number.
 */
@Component
public class Batches {

    private final JdbcClient jdbc;
    private final SellThroughProperties properties;

    Batches(JdbcClient jdbc, SellThroughProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** What sending a batch id found. */
    public sealed interface Begun permits Started, Replay, Running {
        BatchRow row();
    }

    /** This request runs the batch now. */
    public record Started(BatchRow row) implements Begun {
    }

    /** The batch id has its result already: the first one. */
    public record Replay(BatchRow row) implements Begun {
    }

    /** Another request is running the batch id right now. */
    public record Running(BatchRow row) implements Begun {
    }

    Begun begin(BatchRequest request) {
        boolean inserted = jdbc.sql("""
                        insert into batch (id, account_id, source, connector_id, mode, format, charset, status, submitted_by,
                            attempt, started_at, heartbeat_at, bytes_total)
                        values (:id, :account, :source, :connector, :mode, :format, :charset, 'RECEIVING', :actor, 1,
                            clock_timestamp(), clock_timestamp(), :total)
                        on conflict (account_id, id) do nothing""")
                .params(parameters(request, 0, 0)).update() == 1;
        BatchRow existing = find(request.accountId(), request.id()).orElseThrow();
        if (inserted) {
            return new Started(existing);
        }
        if (existing.status().isFinal()) {
            return new Replay(existing);
        }
        int taken = jdbc.sql("""
                        update batch set source = :source, connector_id = :connector, mode = :mode, format = :format,
                            charset = :charset, status = 'RECEIVING', submitted_by = :actor, attempt = attempt + 1,
                            started_at = clock_timestamp(), heartbeat_at = clock_timestamp(), finished_at = null,
                            bytes_total = :total, bytes_read = 0, rows_read = 0, accepted = 0, recorded = 0,
                            restated = 0, unchanged = 0, rejected = 0, parts = 0, first_day = null, last_day = null,
                            digest = null, problem_code = null, problem_detail = null, reasons_not_kept = 0
                        where account_id = :account and id = :id and attempt = :attempt and (status = 'FAILED' or (status = 'RECEIVING'
                            and heartbeat_at < clock_timestamp() - make_interval(secs => :stale)))""")
                .params(parameters(request, existing.attempt(), properties.staleAfter().toSeconds())).update();
        if (taken == 0) {
            return new Running(find(request.accountId(), request.id()).orElseThrow());
        }
        BatchRow run = find(request.accountId(), request.id()).orElseThrow();
        jdbc.sql("delete from batch_rejection where batch_no = :no and attempt < :attempt").param("no", run.no())
                .param("attempt", run.attempt()).update();
        return new Started(run);
    }

    private static java.util.Map<String, Object> parameters(BatchRequest request, int attempt, long staleSeconds) {
        var values = new java.util.HashMap<String, Object>();
        values.put("attempt", attempt);
        values.put("stale", staleSeconds);
        values.put("id", request.id());
        values.put("account", request.accountId());
        values.put("source", request.source().name());
        values.put("connector", request.connectorId());
        values.put("mode", request.mode().name());
        values.put("format", request.format().name());
        values.put("charset", request.charset().name());
        values.put("actor", request.actor());
        values.put("total", request.bytesTotal());
        return values;
    }

    /**
     * Reports progress of a run still receiving, with the heartbeat that says its instance lives. Every update of a
     * run is fenced by its attempt: once another run took the batch id over, or it finished, this is a no-op.
     *
     * @return whether the run still owns the batch
     */
    boolean progress(long no, int attempt, Tally tally) {
        return jdbc.sql("""
                        update batch set bytes_read = :bytes, rows_read = :rows, accepted = :accepted, rejected = :rejected,
                            heartbeat_at = clock_timestamp()
                        where no = :no and attempt = :attempt and status = 'RECEIVING'""")
                .param("bytes", tally.bytesRead.get()).param("rows", tally.rowsRead.get())
                .param("accepted", tally.accepted()).param("rejected", tally.rejected.get()).param("no", no)
                .param("attempt", attempt).update() == 1;
    }

    /**
     * Records the run's end: its status, final counts and, for a failed batch, why; only while this attempt still
     * owns the batch and it is receiving, so that a run that was taken over cannot overwrite the result of a later one.
     *
     * @return whether it was recorded; false for a run that no longer owns the batch
     */
    boolean finish(long no, int attempt, BatchStatus status, Tally tally, @Nullable String problemCode,
                   @Nullable String problemDetail) {
        boolean committed = status == BatchStatus.COMPLETED;
        return jdbc.sql("""
                        update batch set status = :status, finished_at = clock_timestamp(), heartbeat_at = clock_timestamp(),
                            bytes_read = :bytes, rows_read = :rows, accepted = :accepted, recorded = :recorded,
                            restated = :restated, unchanged = :unchanged, rejected = :rejected, parts = :parts,
                            first_day = :first, last_day = :last, digest = :digest, problem_code = :code,
                            problem_detail = :detail, reasons_not_kept = :notKept
                        where no = :no and attempt = :attempt and status = 'RECEIVING'""")
                .param("status", status.name()).param("bytes", tally.bytesRead.get()).param("rows", tally.rowsRead.get())
                .param("accepted", committed ? tally.recorded.get() + tally.restated.get() + tally.unchanged.get() : 0)
                .param("recorded", committed ? tally.recorded.get() : 0)
                .param("restated", committed ? tally.restated.get() : 0)
                .param("unchanged", committed ? tally.unchanged.get() : 0).param("rejected", tally.rejected.get())
                .param("parts", committed ? tally.parts : 0).param("first", committed ? tally.firstDay : null)
                .param("last", committed ? tally.lastDay : null).param("digest", tally.digest)
                .param("code", problemCode).param("detail", problemDetail)
                .param("notKept", tally.reasonsNotKept.get()).param("no", no).param("attempt", attempt).update() == 1;
    }

    public Optional<BatchRow> find(UUID account, String id) {
        return jdbc.sql("select " + BatchRow.COLUMNS + " from batch where account_id = :account and id = :id")
                .param("account", account).param("id", id).query(BatchRow::map).optional();
    }

    /** The batches of every account that used this id, oldest first. */
    public List<BatchRow> withId(String id) {
        return jdbc.sql("select " + BatchRow.COLUMNS + " from batch where id = :id order by no").param("id", id)
                .query(BatchRow::map).list();
    }

    /** Batches newest first, of one account or of all; a coordinator's listing is limited to a region's accounts. */
    public List<BatchRow> list(@Nullable UUID account, @Nullable String region, @Nullable BatchStatus status, int limit,
                               long offset) {
        return jdbc.sql("select " + BatchRow.COLUMNS + " from batch b " + where() + " order by started_at desc, id limit :limit offset :offset")
                .param("account", account).param("region", region).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset).query(BatchRow::map).list();
    }

    public long count(@Nullable UUID account, @Nullable String region, @Nullable BatchStatus status) {
        return jdbc.sql("select count(*) from batch b " + where()).param("account", account).param("region", region)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    private static String where() {
        return """
                where (cast(:account as uuid) is null or b.account_id = :account)
                  and (cast(:status as text) is null or b.status = :status)
                  and (cast(:region as text) is null
                       or exists (select 1 from account a where a.id = b.account_id and a.home_region = :region)
                       or exists (select 1 from store s where s.account_id = b.account_id and s.region = :region
                                  and s.closed_on is null))""";
    }

    /** The first rejected rows' reasons, by line. */
    public List<RejectionView> firstRejections(long no, int attempt, int limit) {
        return jdbc.sql("""
                        select line, field, reason, value from batch_rejection where batch_no = :no and attempt = :attempt
                        order by line, n limit :limit""")
                .param("no", no).param("attempt", attempt).param("limit", limit)
                .query((rs, n) -> new RejectionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
