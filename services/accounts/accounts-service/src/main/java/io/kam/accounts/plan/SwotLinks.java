package io.kam.accounts.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.PlanViews.LinkedActionItem;
import io.kam.accounts.api.Region;

/**
 * The plan's side of the link between SWOT points and action items: which items serve which point (in the latest
 * version of each year's plan), and whether a point is served by any version at all.
 */
@Component
public class SwotLinks {

    private final JdbcClient jdbc;

    SwotLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items serving each of the account's SWOT points, newest year first, by SWOT point id. */
    public Map<UUID, List<LinkedActionItem>> itemsByPoint(UUID accountId) {
        record Row(UUID point, LinkedActionItem item) {
        }
        List<Row> rows = jdbc.sql("""
                        select i.serves_swot_point, p.year, v.number, i.item_id, i.what, i.owner, i.due, i.region,
                               coalesce((select g.status from plan_action_progress g
                                         where g.plan_id = p.id and g.item_id = i.item_id
                                         order by g.seq desc limit 1), 'PLANNED') as status
                        from business_plan p
                        join plan_version v on v.plan_id = p.id
                             and v.number = (select max(number) from plan_version where plan_id = p.id)
                        join plan_action_item i on i.version_id = v.id
                        where p.account_id = :account and i.serves_swot_point is not null
                        order by p.year desc, i.position""")
                .param("account", accountId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), new LinkedActionItem(rs.getInt(2), rs.getInt(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getString(8) == null ? null : Region.valueOf(rs.getString(8)),
                        ActionStatus.valueOf(rs.getString(9)))))
                .list();
        return rows.stream().collect(Collectors.groupingBy(Row::point, LinkedHashMap::new,
                Collectors.mapping(Row::item, Collectors.toList())));
    }

    /** Whether any version of any plan of the account has an item serving the point. */
    public boolean isServed(UUID accountId, UUID pointId) {
        return jdbc.sql("""
                        select exists (select 1 from plan_action_item i join plan_version v on v.id = i.version_id
                                       join business_plan p on p.id = v.plan_id
                                       where p.account_id = :account and i.serves_swot_point = :point)""")
                .param("account", accountId).param("point", pointId).query(Boolean.class).single();
    }
}
