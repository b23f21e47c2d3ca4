package io.kam.projection.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.projection.ReviewsTest;

/**
 * What the as-of read relies on in PostgreSQL and its driver (ADR 0016): a temporary table shadows the projection's
 * table of the same name for unqualified statements, also for a statement the driver has already prepared on the
 * server, once the session's cached plans are discarded; and once the transaction rolls back, the same statement
 * reads the projection's table again.
 */
class ShadowTablesTest extends ReviewsTest {

    private static final String COUNT = "select count(*) from review_account where account_id = ?";

    @Autowired
    DataSource dataSource;

    @Test
    void aTemporaryTableShadowsAServerPreparedStatementsTableUntilRollback() throws SQLException {
        UUID account = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into review_account (account_id) values (?)")) {
                insert.setObject(1, account);
                insert.executeUpdate();
            }
            connection.commit();
            try (PreparedStatement count = connection.prepareStatement(COUNT)) {
                // twice: the first temporary table of a session also creates the session's temporary schema
                for (int round = 1; round <= 2; round++) {
                    for (int i = 0; i < 10; i++) {
                        assertThat(count(count, account)).as("the projection's row, round %d, use %d", round, i)
                                .isEqualTo(1);
                    }
                    try (var shadow = connection.createStatement()) {
                        shadow.execute("create temporary table review_account"
                                + " (like public.review_account including all) on commit drop");
                        shadow.execute("discard plans");
                    }
                    assertThat(count(count, account)).as("shadowed, round %d", round).isZero();
                    connection.rollback();
                    assertThat(count(count, account)).as("the projection's row again after the rollback, round %d",
                            round).isEqualTo(1);
                }
            } finally {
                try (PreparedStatement delete = connection.prepareStatement("delete from review_account where account_id = ?")) {
                    delete.setObject(1, account);
                    delete.executeUpdate();
                }
                connection.commit();
            }
        }
    }

    private static long count(PreparedStatement count, UUID account) throws SQLException {
        count.setObject(1, account);
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
