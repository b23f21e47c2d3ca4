package io.kam.projection.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.projection.review.PlanViews.Actions;
import io.kam.projection.review.PlanViews.Item;

/**
 * Reads the progress of the shown plan's action items: the items of that version, each with the latest progress
 * reported for its item id in any version (PLANNED when none was). Runs inside the review's snapshot.
 */
@Component
class ActionsReader {

    private static final Comparator<Item> BY_DUE_DATE = Comparator.comparing(Item::due,
            Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())).thenComparing(Item::itemId);

    private final JdbcClient jdbc;

    ActionsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Actions of(UUID accountId, int year, int version, LocalDate today) {
        List<Item> items = jdbc.sql("""
                        select i.*, p.status from review_plan_item i
                        left join review_action_progress p on p.account_id = i.account_id and p.item_id = i.item_id
                        where i.account_id = ? and i.year = ? and i.version = ?""")
                .params(accountId, year, version).query((rs, row) -> item(rs, today)).list().stream()
                .sorted(BY_DUE_DATE).toList();
        return Actions.of(items);
    }

    private static Item item(ResultSet rs, LocalDate today) throws SQLException {
        ActionStatus status = named(rs, "status", ActionStatus::valueOf);
        if (status == null) {
            status = ActionStatus.PLANNED;
        }
        LocalDate due = rs.getObject("due", LocalDate.class);
        return new Item(rs.getObject("item_id", UUID.class), rs.getString("what"), rs.getString("owner"), due,
                named(rs, "region", Region::valueOf), named(rs, "serves_kpi", PlanKpi::valueOf),
                rs.getObject("serves_swot_point", UUID.class), status,
                due != null && due.isBefore(today) && !status.isClosed());
    }

    private static <E> @Nullable E named(ResultSet rs, String column, Function<String, E> valueOf) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : valueOf.apply(value);
    }
}
