package io.kam.accounts.dates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipViews.ImportantDateView;

/** Reads important dates with their contacts' names: one account's, and every visible account's for reminders. */
@Service
@Transactional(readOnly = true)
class DateQueries {

    private static final String VIEW = """
            select d.id, d.account_id, d.type, d.original_date, d.contact_id, c.name as contact_name, d.title, d.note,
                   d.version
            from important_date d left join contact c on c.id = d.contact_id""";

    private final JdbcClient jdbc;

    DateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's dates in calendar order (month and day), then by title. */
    List<ImportantDateView> ofAccount(UUID accountId) {
        return jdbc.sql(VIEW + """
                         where d.account_id = :accountId
                        order by extract(month from d.original_date), extract(day from d.original_date), d.title, d.id""")
                .param("accountId", accountId).query(DateQueries::view).list();
    }

    Optional<ImportantDateView> one(UUID accountId, UUID dateId) {
        return jdbc.sql(VIEW + " where d.account_id = :accountId and d.id = :id")
                .param("accountId", accountId).param("id", dateId).query(DateQueries::view).optional();
    }

    /**
     * Every important date of the accounts present in a region (at home there, or with an open store there), or
     * of every account when {@code region} is null.
     */
    List<Reminders.Dated> visibleIn(Region region) {
        return jdbc.sql("""
                        select d.account_id, a.name as account_name, d.id, d.type, d.title, d.contact_id,
                               c.name as contact_name, d.original_date
                        from important_date d
                        join account a on a.id = d.account_id
                        left join contact c on c.id = d.contact_id
                        where cast(:region as text) is null or a.home_region = :region
                           or exists (select 1 from store s
                                      where s.account_id = a.id and s.region = :region and s.status = 'OPEN')""")
                .param("region", region == null ? null : region.name())
                .query((rs, n) -> new Reminders.Dated(rs.getObject("account_id", UUID.class),
                        rs.getString("account_name"), rs.getObject("id", UUID.class),
                        ImportantDateType.valueOf(rs.getString("type")), rs.getString("title"),
                        rs.getObject("contact_id", UUID.class), rs.getString("contact_name"),
                        rs.getObject("original_date", LocalDate.class)))
                .list();
    }

    private static ImportantDateView view(ResultSet rs, int n) throws SQLException {
        return new ImportantDateView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                ImportantDateType.valueOf(rs.getString("type")), rs.getObject("original_date", LocalDate.class),
                rs.getObject("contact_id", UUID.class), rs.getString("contact_name"), rs.getString("title"),
                rs.getString("note"), rs.getLong("version"));
    }
}
