package io.kam.accounts.swot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which points each key point draws on ({@code swot_basis}), in the order the key point lists them. */
@Component
class SwotBases {

    private final JdbcClient jdbc;

    SwotBases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> of(UUID keyPointId) {
        return jdbc.sql("select based_on_id from swot_basis where key_point_id = :id order by position")
                .param("id", keyPointId).query(UUID.class).list();
    }

    /** The basis of every key point of the account. */
    Map<UUID, List<UUID>> ofAccount(UUID accountId) {
        Map<UUID, List<UUID>> bases = new LinkedHashMap<>();
        jdbc.sql("""
                        select b.key_point_id, b.based_on_id from swot_basis b join swot_point p on p.id = b.key_point_id
                        where p.account_id = :accountId order by b.key_point_id, b.position""")
                .param("accountId", accountId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
                .forEach(e -> bases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return bases;
    }

    /** The key points that draw on a point. */
    List<UUID> usedBy(UUID pointId) {
        return jdbc.sql("select key_point_id from swot_basis where based_on_id = :id order by key_point_id")
                .param("id", pointId).query(UUID.class).list();
    }

    void replace(UUID keyPointId, List<UUID> basedOn) {
        jdbc.sql("delete from swot_basis where key_point_id = :id").param("id", keyPointId).update();
        for (int i = 0; i < basedOn.size(); i++) {
            jdbc.sql("insert into swot_basis (key_point_id, based_on_id, position) values (:id, :basis, :position)")
                    .param("id", keyPointId).param("basis", basedOn.get(i)).param("position", i).update();
        }
    }
}
