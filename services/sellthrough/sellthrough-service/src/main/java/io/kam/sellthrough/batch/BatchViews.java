package io.kam.sellthrough.batch;

import java.util.List;

import org.springframework.stereotype.Component;

import io.kam.platform.events.Actor;
import io.kam.sellthrough.access.SellThroughAccess;
import io.kam.sellthrough.api.SellThroughViews.BatchView;
import io.kam.sellthrough.api.SellThroughViews.ProblemView;
import io.kam.sellthrough.api.SellThroughViews.RejectionView;
import io.kam.sellthrough.ingest.BatchRow;
import io.kam.sellthrough.ingest.Batches;

/** Batches as callers see them: counts for everyone who may see the batch, rejected rows for those who may read them. */
@Component
public class BatchViews {

    static final int FIRST_REJECTIONS = 10;

    private final Batches batches;

    BatchViews(Batches batches) {
        this.batches = batches;
    }

    public BatchView view(BatchRow row, Actor actor) {
        boolean rows = SellThroughAccess.mayReadRows(actor);
        List<RejectionView> first = rows && row.rejected() > 0 ? batches.firstRejections(row.no(), row.attempt(), FIRST_REJECTIONS) : List.of();
        return new BatchView(row.id(), row.accountId(), row.status(), row.source(), row.connectorId(), row.mode(),
                row.format(), row.charset(), row.submittedBy(), row.startedAt(), row.finishedAt(), row.rowsRead(),
                row.accepted(), row.recorded(), row.restated(), row.unchanged(), row.rejected(), row.bytesRead(),
                row.bytesTotal(), row.rowsPerSecond(), row.etaSeconds(), row.parts(), row.firstDay(), row.lastDay(),
                row.digest(), row.problemCode() == null ? null : new ProblemView(row.problemCode(), row.problemDetail()),
                rows ? report(row) : null, first, row.reasonsNotKept());
    }

    /** Where the batch is: its id is the client's within its account, so the link names the account too. */
    static String location(BatchRow batch) {
        return "/api/sell-through/batches/" + batch.id() + "?account=" + batch.accountId();
    }

    static String report(BatchRow batch) {
        return "/api/sell-through/batches/" + batch.id() + "/rejections?account=" + batch.accountId();
    }
}
