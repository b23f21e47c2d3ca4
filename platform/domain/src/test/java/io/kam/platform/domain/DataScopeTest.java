package io.kam.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.Actor;

class DataScopeTest {

    private static final UUID RETAILER = UUID.fromString("0b7a3c1e-58f2-4d6a-9e21-3f4c5d6e7f80");

    @Test
    void anIntegrationBoundToNoRetailerSeesNothing() {
        Actor unbound = new Actor("service-account-kam-integration", Set.of(Actor.INTEGRATION));

        Refused refused = catchThrowableOfType(Refused.class, () -> DataScope.account(unbound));

        assertThat(refused).as("an unbound integration is refused, not given every account").isNotNull();
        assertThat(refused.rejection().code()).isEqualTo("retailer-required");
    }

    @Test
    void anIntegrationBoundToARetailerSeesThatAccountOnly() {
        Actor bound = new Actor("service-account-kam-integration", Set.of(Actor.INTEGRATION), null, RETAILER.toString());

        assertThat(DataScope.account(bound)).contains(RETAILER);
    }

    @Test
    void onlyTheSeparateAllAccountsRoleReachesEveryAccount() {
        Actor all = new Actor("service-account-kam-bi", Set.of(Actor.INTEGRATION, Actor.INTEGRATION_ALL_ACCOUNTS));
        Actor boundAll = new Actor("service-account-kam-bi", Set.of(Actor.INTEGRATION, Actor.INTEGRATION_ALL_ACCOUNTS),
                null, RETAILER.toString());

        assertThat(DataScope.account(all)).isEmpty();
        assertThat(DataScope.account(boundAll)).as("a retailer claim binds even so").contains(RETAILER);
    }

    @Test
    void aRetailerClaimThatIsNoAccountIdIsRefused() {
        Actor odd = new Actor("service-account-kam-integration", Set.of(Actor.INTEGRATION), null, "Yangtze");

        assertThat(catchThrowableOfType(Refused.class, () -> DataScope.account(odd)).rejection().code())
                .isEqualTo("retailer-invalid");
    }

    @Test
    void peopleAreScopedByRoleAndRegionNotByRetailer() {
        assertThat(DataScope.account(new Actor("nora", Set.of(Actor.NATIONAL_KA_MANAGER)))).isEmpty();
        assertThat(DataScope.account(new Actor("eric", Set.of(Actor.REGIONAL_COORDINATOR), "EAST"))).isEmpty();
    }
}
