package io.kam.accounts.swot;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.RelationshipViews.KeyPointView;
import io.kam.accounts.api.RelationshipViews.SwotPointView;
import io.kam.accounts.api.RelationshipViews.SwotView;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.web.ApiProblem;

/** Reads an account's SWOT analysis for the API. */
@Service
@Transactional(readOnly = true)
class SwotQueries {

    private final SwotPointRepository points;
    private final SwotBases bases;

    SwotQueries(SwotPointRepository points, SwotBases bases) {
        this.points = points;
        this.bases = bases;
    }

    SwotView view(UUID accountId) {
        List<SwotPoint> all = points.listOf(accountId);
        Map<UUID, List<UUID>> basis = bases.ofAccount(accountId);
        return new SwotView(accountId, ofKind(all, SwotKind.STRENGTH), ofKind(all, SwotKind.WEAKNESS),
                ofKind(all, SwotKind.OPPORTUNITY), ofKind(all, SwotKind.THREAT),
                all.stream().filter(p -> p.kind() == SwotKind.KEY_POINT)
                        .map(p -> keyPoint(p, basis.getOrDefault(p.id(), List.of()))).toList());
    }

    SwotBoard.Recorded point(UUID accountId, UUID pointId) {
        SwotPoint point = points.findByIdAndAccountId(pointId, accountId)
                .orElseThrow(() -> new ApiProblem.NotFound("SWOT point", pointId));
        return new SwotBoard.Recorded(point, bases.of(pointId));
    }

    /** A key point as the SWOT view shows it, with the points it draws on. */
    private static KeyPointView keyPoint(SwotPoint p, List<UUID> basedOn) {
        return new KeyPointView(p.id(), p.kind(), p.text(), p.note(), basedOn, p.version());
    }

    private static List<SwotPointView> ofKind(List<SwotPoint> all, SwotKind kind) {
        return all.stream().filter(p -> p.kind() == kind).map(p -> view(p, List.of())).toList();
    }

    static SwotPointView view(SwotPoint p, List<UUID> basedOn) {
        return new SwotPointView(p.id(), p.kind(), p.text(), p.note(), basedOn, p.version());
    }
}
