package io.kam.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class KamInfrastructureTest {

    @Test
    void givesEachServiceItsOwnRealPostgresDatabase() throws Exception {
        KamInfrastructure infrastructure = KamInfrastructure.get();

        try (Connection a = infrastructure.dataSource("alpha").getConnection();
             Statement st = a.createStatement()) {
            st.execute("create table if not exists marker (id int)");
        }
        try (Connection b = infrastructure.dataSource("beta").getConnection();
             Statement st = b.createStatement();
             ResultSet rs = st.executeQuery("select version(), current_database(), to_regclass('marker')")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
            assertThat(rs.getString(2)).isEqualTo("beta");
            assertThat(rs.getString(3)).as("tables of another database are not visible").isNull();
        }
    }

    @Test
    void sharesOneBrokerAcrossCallers() {
        assertThat(KamInfrastructure.get()).isSameAs(KamInfrastructure.get());
        assertThat(KamInfrastructure.get().bootstrapServers()).contains(":");
    }
}
