package io.kam.accounts;

import java.time.LocalDate;
import java.util.UUID;

import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;

/** Realistic requests for tests. Names are made unique because test classes share one database. */
public final class AccountFixture {

    private AccountFixture() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A national hypermarket chain: huge volume, thin margin (白脸). */
    public static AccountRequests.OpenAccount aNationalHypermarketChain() {
        return new AccountRequests.OpenAccount(unique("Yangtze Hypermarket Group"), "Yangtze Hyper",
                RetailFormat.HYPERMARKET, "Domestic private, listed", shanghaiHq(), AccountScope.NATIONAL, null, "nora",
                null, null);
    }

    /** A regional supermarket chain of the South. */
    public static AccountRequests.OpenAccount aSouthernSupermarketChain() {
        return new AccountRequests.OpenAccount(unique("Pearl River Fresh Markets"), "Pearl Fresh",
                RetailFormat.SUPERMARKET, "Family owned", new Address("12 Tianhe Road", "Guangzhou", "Guangdong", "510620"),
                AccountScope.REGIONAL, Region.SOUTH, "nora", DevelopmentStage.PRODUCT_USER,
                "Buys eight of our UHT milk SKUs every month since 2023");
    }

    public static Address shanghaiHq() {
        return new Address("88 Century Avenue", "Shanghai", "Shanghai", "200120");
    }

    public static AccountRequests.OpenStore aStore(String code, Region region) {
        return new AccountRequests.OpenStore(code, "Store " + code, "Hangzhou", region, RetailFormat.HYPERMARKET,
                LocalDate.of(2021, 5, 1));
    }

    public static AccountRequests.ContactDetails aBuyer() {
        return new AccountRequests.ContactDetails("Li Wei", Department.PURCHASING, "Category buyer, dairy",
                ContactLevel.MANAGER, "+86 21 5888 1234", "li.wei@yangtze-hyper.example");
    }
}
