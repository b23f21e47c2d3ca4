package io.kam.prospects.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.prospects.api.ProspectEvents.Criterion;

/** Every version of every territory's screening criteria; the highest version is in force. */
@Component
public class CriteriaStore {

    private final JdbcClient jdbc;

    CriteriaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScreeningCriteria> current(Region region) {
        return jdbc.sql("select max(version) from screening_criteria where region = ?").param(region.name())
                .query(Integer.class).optional().map(version -> version(region, version));
    }

    public List<ScreeningCriteria> history(Region region) {
        return jdbc.sql("select version from screening_criteria where region = ? order by version").param(region.name())
                .query(Integer.class).list().stream().map(version -> version(region, version)).toList();
    }

    /** Locks the territory's criteria until the transaction ends, so that versions are numbered one at a time. */
    public int nextVersion(Region region) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('kam-screening-' || ?))").param(region.name()).query().rowSet();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from screening_criteria where region = ?")
                .param(region.name()).query(Integer.class).single();
    }

    public void save(ScreeningCriteria criteria) {
        jdbc.sql("insert into screening_criteria (region, version, qualifying_score, defined_by, defined_at) values (?, ?, ?, ?, ?)")
                .params(criteria.region().name(), criteria.version(), criteria.qualifyingScore(), criteria.definedBy(),
                        OffsetDateTime.ofInstant(criteria.definedAt(), java.time.ZoneOffset.UTC))
                .update();
        List<Criterion> list = criteria.criteria();
        for (int i = 0; i < list.size(); i++) {
            Criterion c = list.get(i);
            jdbc.sql("insert into criterion (id, region, version, position, key, name, weight, scale_max) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), criteria.region().name(), criteria.version(), i, c.key(), c.name(),
                            c.weight(), c.scaleMax())
                    .update();
        }
    }

    private ScreeningCriteria version(Region region, int version) {
        List<Criterion> criteria = jdbc.sql("select key, name, weight, scale_max from criterion where region = ? and version = ? order by position")
                .params(region.name(), version)
                .query((rs, n) -> new Criterion(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)))
                .list();
        return jdbc.sql("select qualifying_score, defined_by, defined_at from screening_criteria where region = ? and version = ?")
                .params(region.name(), version)
                .query((rs, n) -> new ScreeningCriteria(region, version, criteria, rs.getBigDecimal(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .single();
    }
}
