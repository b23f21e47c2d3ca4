package io.kam.accounts.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Department;

/**
 * The retailer departments an account's plan depends on, for the relationship wall's weak-wall rule: those of the
 * plan in force for the given year, or, when that year has no approved plan, of the most recent year that has one.
 * Empty when the account has no approved plan: then nothing is at stake. The projection makes the same choice.
 */
@Component
public class PlanDependencies {

    /** The approved plan whose departments are watched. */
    public record Watched(int year, List<Department> departments) {
    }

    private final JdbcClient jdbc;

    PlanDependencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Watched> of(UUID accountId, int year) {
        return jdbc.sql("""
                        select p.year, v.depends_on from plan_version v join business_plan p on p.id = v.plan_id
                        where p.account_id = :account and v.status = 'APPROVED'
                        order by (p.year = :year) desc, p.year desc, v.number desc
                        limit 1""")
                .param("account", accountId).param("year", year)
                .query((rs, n) -> new Watched(rs.getInt(1), PlanContent.dependsOnFromColumn(rs.getString(2))))
                .optional();
    }
}
