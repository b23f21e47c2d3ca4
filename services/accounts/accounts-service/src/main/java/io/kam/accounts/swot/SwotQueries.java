package io.kam.accounts.swot;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.PlanViews.LinkedActionItem;
import io.kam.accounts.api.RelationshipViews.KeyPointView;
import io.kam.accounts.api.RelationshipViews.SwotPointView;
import io.kam.accounts.api.RelationshipViews.SwotView;
import io.kam.accounts.api.SwotKind;
import io.kam.accounts.plan.SwotLinks;
import io.kam.platform.domain.Rejection;

/** Reads an account's SWOT analysis for the API. */
@Service
@Transactional(readOnly = true)
class SwotQueries {

    private final SwotPointRepository points;
    private final SwotBases bases;
    private final SwotLinks links;

    SwotQueries(SwotPointRepository points, SwotBases bases, SwotLinks links) {
        this.points = points;
        this.bases = bases;
        this.links = links;
    }

    SwotView view(UUID accountId) {
        List<SwotPoint> all = points.listOf(accountId);
        Map<UUID, List<UUID>> basis = bases.ofAccount(accountId);
        Map<UUID, List<LinkedActionItem>> items = links.itemsByPoint(accountId);
        return new SwotView(accountId, ofKind(all, SwotKind.STRENGTH), ofKind(all, SwotKind.WEAKNESS),
                ofKind(all, SwotKind.OPPORTUNITY), ofKind(all, SwotKind.THREAT),
                all.stream().filter(p -> p.kind() == SwotKind.KEY_POINT)
                        .map(p -> keyPoint(p, basis.getOrDefault(p.id(), List.of()), items.getOrDefault(p.id(), List.of())))
                        .toList());
    }

    SwotBoard.Recorded point(UUID accountId, UUID pointId) {
        SwotPoint point = points.findByIdAndAccountId(pointId, accountId)
                .orElseThrow(() -> new Rejection.NotFound("SWOT point", pointId).refused());
        return new SwotBoard.Recorded(point, bases.of(pointId));
    }

    /**
     * A key point as the SWOT view shows it, with the points it draws on and the plan's action items that carry it
     * out (行动关键点 → action plan).
     */
    private static KeyPointView keyPoint(SwotPoint p, List<UUID> basedOn, List<LinkedActionItem> items) {
        return new KeyPointView(p.id(), p.kind(), p.text(), p.note(), basedOn, p.version(), items);
    }

    private static List<SwotPointView> ofKind(List<SwotPoint> all, SwotKind kind) {
        return all.stream().filter(p -> p.kind() == kind).map(p -> view(p, List.of())).toList();
    }

    static SwotPointView view(SwotPoint p, List<UUID> basedOn) {
        return new SwotPointView(p.id(), p.kind(), p.text(), p.note(), basedOn, p.version());
    }
}
