package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.api.WallLevel;
import io.kam.accounts.wall.WallCells;
import io.kam.platform.calendar.MarketCalendar;

/** The relationship wall (围墙准则): our ties with each department of the retailer, at each level. */
class WallApiTest extends ServiceTest {

    private static final LocalDate JUNE_3 = LocalDate.of(2026, 6, 3);

    @Autowired
    WallCells wallCells;

    @Test
    void showsEveryDepartmentAtEveryLevelAssessedOrNot() {
        UUID account = open(aNationalHypermarketChain());
        api.put(cell(account, "MARKETING", "DIRECTOR"), new WallCellDetails(3, JUNE_3, "Met at the trade fair"), "*");

        var wall = api.get("/api/accounts/" + account + "/wall").body();

        assertThat(wall.path("cells").size()).isEqualTo(18);
        assertThat(wall.path("cells").get(0).path("department").asString()).isEqualTo("PURCHASING");
        assertThat(wall.path("cells").get(0).path("level").asString()).isEqualTo("BUYER");
        assertThat(wall.path("cells").get(2).path("level").asString()).isEqualTo("DIRECTOR");
        assertThat(wall.path("cells").get(17).path("department").asString()).isEqualTo("EXPANSION");
        var marketingDirector = wall.path("cells").get(5);
        assertThat(marketingDirector.path("department").asString()).isEqualTo("MARKETING");
        assertThat(marketingDirector.path("strength").asInt()).isEqualTo(3);
        assertThat(marketingDirector.path("lastContact").asString()).isEqualTo("2026-06-03");
        assertThat(marketingDirector.path("changedBy").asString()).isEqualTo("nora");
        assertThat(marketingDirector.path("version").asLong()).isZero();
        var purchasingBuyer = wall.path("cells").get(0);
        assertThat(purchasingBuyer.path("strength").isNull()).as("never assessed").isTrue();
        assertThat(purchasingBuyer.path("version").isNull()).isTrue();
    }

    @Test
    void aCellIsFirstAssessedWithIfMatchStarAndThenWithItsVersion() {
        UUID account = open(aNationalHypermarketChain());
        String path = cell(account, "MARKETING", "DIRECTOR");

        var first = api.put(path, new WallCellDetails(3, JUNE_3, "Met at the trade fair"), "*");
        var weaker = api.put(path, new WallCellDetails(1, JUNE_3, "New marketing director since June, met once"),
                first.etag());
        var repeated = api.put(path, new WallCellDetails(1, JUNE_3, "New marketing director since June, met once"),
                weaker.etag());
        var stale = api.put(path, new WallCellDetails(2, JUNE_3, null), first.etag());
        var withoutVersion = api.put(path, new WallCellDetails(2, JUNE_3, null), null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"0\"");
        assertThat(weaker.etag()).isEqualTo("\"1\"");
        assertThat(weaker.body().path("strength").asInt()).isEqualTo(1);
        assertThat(repeated.etag()).as("repeating an assessment changes nothing").isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(withoutVersion.status()).isEqualTo(428);
        assertThat(api.get(path).etag()).isEqualTo("\"1\"");
        var events = awaitEvents(account, e -> e.size() >= 3);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.account.wall-changed",
                "kam.account.wall-changed");
        assertThat(events.get(1).data().path("previousStrength").isNull()).isTrue();
        assertThat(events.get(2).data().path("previousStrength").asInt()).isEqualTo(3);
        assertThat(events.get(2).data().path("strength").asInt()).isEqualTo(1);
        assertThat(events.get(2).data().path("department").asString()).isEqualTo("MARKETING");
        assertThat(events.get(2).data().path("level").asString()).isEqualTo("DIRECTOR");
    }

    @Test
    void aCellNeverAssessedHasNoVersionToMatch() {
        UUID account = open(aNationalHypermarketChain());

        var refused = api.put(cell(account, "FINANCE", "MANAGER"), new WallCellDetails(2, JUNE_3, null), "\"0\"");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("wall-cell-not-assessed");
        assertThat(api.get(cell(account, "FINANCE", "MANAGER")).body().path("strength").isNull()).isTrue();
    }

    @Test
    void refusesStrengthsOutOfRangeAndContactsAheadOfTodayInShanghai() {
        UUID account = open(aNationalHypermarketChain());
        String path = cell(account, "PURCHASING", "BUYER");
        LocalDate aheadOfToday = LocalDate.now(MarketCalendar.ZONE).plusDays(2);

        assertThat(api.put(path, new WallCellDetails(6, JUNE_3, null), "*").fieldErrors())
                .containsExactly("strength: must be less than or equal to 5");
        assertThat(api.put(path, new WallCellDetails(-1, JUNE_3, null), "*").fieldErrors())
                .containsExactly("strength: must be greater than or equal to 0");
        assertThat(api.put(path, Map.of("lastContact", "2026-06-03"), "*").fieldErrors())
                .containsExactly("strength: must not be null");
        assertThat(api.put(path, new WallCellDetails(4, aheadOfToday, null), "*").fieldErrors())
                .singleElement().asString().startsWith("lastContact: must not be after today");
        assertThat(api.put(path, new WallCellDetails(4, JUNE_3, "n".repeat(1001)), "*").fieldErrors())
                .containsExactly("note: size must be between 0 and 1000");
        assertThat(api.get(path).body().path("strength").isNull()).as("nothing refused was kept").isTrue();
        api.put(cell(account, "LOGISTICS", "MANAGER"), new WallCellDetails(0, null, "Never met"), "*");
        var events = awaitEvents(account, e -> e.size() >= 2);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.account.wall-changed");
        assertThat(events.getLast().data().path("lastContact").isNull()).as("never contacted").isTrue();
    }

    @Test
    void anUnknownDepartmentOrLevelInThePathIsABadRequestNamingIt() {
        UUID account = open(aNationalHypermarketChain());

        var department = api.put(cell(account, "SALES", "BUYER"), new WallCellDetails(3, JUNE_3, null), "*");
        var level = api.put(cell(account, "PURCHASING", "CEO"), new WallCellDetails(3, JUNE_3, null), "*");

        assertThat(department.status()).isEqualTo(400);
        assertThat(department.fieldErrors()).containsExactly("department: must be a Department");
        assertThat(level.fieldErrors()).containsExactly("level: must be a WallLevel");
        assertThat(api.get(cell(account, "purchasing", "BUYER")).status()).isEqualTo(400);
    }

    @Test
    void theWeakWallRuleReadsTheAssessedCells() {
        UUID account = open(aNationalHypermarketChain());
        api.put(cell(account, "MARKETING", "DIRECTOR"), new WallCellDetails(1, JUNE_3, null), "*");
        api.put(cell(account, "PURCHASING", "MANAGER"), new WallCellDetails(4, JUNE_3.plusDays(1), null), "*");
        api.put(cell(account, "FINANCE", "BUYER"), new WallCellDetails(0, null, null), "*");

        assertThat(wallCells.of(account)).containsExactly(
                new RelationshipWall.Cell(Department.PURCHASING, WallLevel.MANAGER, 4, JUNE_3.plusDays(1)),
                new RelationshipWall.Cell(Department.MARKETING, WallLevel.DIRECTOR, 1, JUNE_3),
                new RelationshipWall.Cell(Department.FINANCE, WallLevel.BUYER, 0, null));
        assertThat(wallCells.of(open(aNationalHypermarketChain()))).isEmpty();
    }

    private static String cell(UUID account, String department, String level) {
        return "/api/accounts/" + account + "/wall/" + department + "/" + level;
    }
}
