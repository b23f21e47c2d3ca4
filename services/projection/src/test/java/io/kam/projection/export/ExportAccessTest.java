package io.kam.projection.export;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ReviewsTest;

/** Who may export which review, for which audience, and what a bad request is told: every refusal. */
class ExportAccessTest extends ReviewsTest {

    @LocalServerPort
    int port;

    private UUID eastPresence;
    private UUID southOnly;
    private Api anonymous;

    @BeforeEach
    void anAccountWithAnEastStoreAndOneOnlyInTheSouth() {
        anonymous = new Api(port);
        eastPresence = UUID.randomUUID();
        southOnly = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(eastPresence, "Export Access Mart " + eastPresence));
        topic.publish(aStoreOpened(eastPresence, Region.EAST));
        topic.publish(aRegionalSupermarketChain(southOnly, "Pearl Export " + southOnly, Region.SOUTH));
        api.awaitEventsApplied(eastPresence, 2);
        api.awaitEventsApplied(southOnly, 1);
    }

    @Test
    void withoutATokenNothingIsExported() {
        assertThat(anonymous.get(pdf(eastPresence, "")).status()).isEqualTo(401);
        assertThat(anonymous.get(xlsx(eastPresence, "")).status()).isEqualTo(401);
    }

    @Test
    void aCoordinatorExportsTheirRegionsAccountsOnlyAsTheReview() {
        Api eric = anonymous.as(TestTokens.eric());

        assertThat(status(TestTokens.eric(), pdf(eastPresence, ""))).isEqualTo(200);
        assertThat(status(TestTokens.eric(), xlsx(eastPresence, "?audience=retailer"))).isEqualTo(200);
        assertThat(eric.get(pdf(southOnly, "")).status()).as("existence does not leak").isEqualTo(404);
        assertThat(eric.get(xlsx(southOnly, "")).status()).isEqualTo(404);
        assertThat(status(TestTokens.sofia(), xlsx(southOnly, ""))).isEqualTo(200);
    }

    @Test
    void anIntegrationExportsTheRetailersAudienceOnly() {
        Api tied = anonymous.as(TestTokens.integrationFor(southOnly));

        assertThat(status(TestTokens.integrationFor(southOnly), pdf(southOnly, ""))).isEqualTo(200);
        assertThat(status(TestTokens.integrationFor(southOnly), xlsx(southOnly, "?audience=retailer"))).isEqualTo(200);
        Api.Response internal = tied.get(pdf(southOnly, "?audience=internal"));
        assertThat(internal.status()).isEqualTo(403);
        assertThat(internal.text("code")).isEqualTo("internal-audience");
        assertThat(tied.get(xlsx(southOnly, "?audience=internal")).status()).isEqualTo(403);
        assertThat(tied.get(pdf(eastPresence, "")).status()).as("another retailer's account").isEqualTo(404);
        assertThat(anonymous.as(TestTokens.integration()).get(xlsx(eastPresence, "?audience=internal")).status())
                .as("an integration bound to no retailer is no more trusted").isEqualTo(403);
    }

    @Test
    void aManagerExportsEitherAudienceOfAnyAccount() {
        assertThat(status(TestTokens.nora(), pdf(southOnly, "?audience=internal&lang=en"))).isEqualTo(200);
        assertThat(status(TestTokens.nora(), xlsx(eastPresence, "?audience=retailer&lang=zh-CN"))).isEqualTo(200);
        assertThat(anonymous.as(TestTokens.nora()).get(pdf(UUID.randomUUID(), "")).status()).isEqualTo(404);
    }

    @Test
    void anUnknownLanguageOrAudienceIsABadRequestNamingTheField() {
        Api nora = anonymous.as(TestTokens.nora());

        Api.Response both = nora.get(pdf(eastPresence, "?lang=fr&audience=press"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.headers().getContentType()).hasToString("application/problem+json");
        assertThat(both.fieldErrors()).containsExactly("lang: must be zh-CN or en",
                "audience: must be internal or retailer");
        assertThat(nora.get(xlsx(eastPresence, "?lang=de")).fieldErrors()).containsExactly("lang: must be zh-CN or en");
        Api.Response future = nora.get(xlsx(eastPresence, "?asOf=2999-06-30T00:00:00Z"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.fieldErrors()).singleElement().asString().startsWith("asOf: must not be later than now");
        assertThat(nora.get(pdf(eastPresence, "?asOf=last-tuesday")).fieldErrors()).singleElement().asString()
                .startsWith("asOf: must be an ISO date");
    }

    @Test
    void anExportAsOfAMomentIsTheReviewAsItStoodThen() {
        Api nora = anonymous.as(TestTokens.nora());

        assertThat(nora.get(xlsx(eastPresence, "?asOf=2001-01-01")).status())
                .as("the platform did not know the account yet").isEqualTo(404);
        var now = RestClient.builder().baseUrl("http://localhost:" + port).build()
                .method(HttpMethod.GET).uri(xlsx(eastPresence, "?asOf=" + java.time.Instant.now()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.nora()).retrieve().toEntity(byte[].class);
        assertThat(now.getHeaders().getContentType()).hasToString(ExportController.XLSX.toString());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(now.getBody()))) {
            assertThat(workbook.getNumberOfSheets()).isPositive();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFilesAreNamedAndTypedForWhatTheyAre() {
        var response = RestClient.builder().baseUrl("http://localhost:" + port).build()
                .method(HttpMethod.GET).uri(xlsx(eastPresence, "?lang=en&audience=retailer"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.nora()).retrieve().toBodilessEntity();
        assertThat(response.getHeaders().getContentType()).hasToString(ExportController.XLSX.toString());
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("review-" + eastPresence + "-retailer-en.xlsx");
    }

    @Test
    void aRefusalIsAProblemDetailEvenToAClientAskingForTheFile() {
        var refused = RestClient.builder().baseUrl("http://localhost:" + port).build().get()
                .uri(pdf(UUID.randomUUID(), "")).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.nora())
                .header(HttpHeaders.ACCEPT, "application/pdf")
                .exchange((request, response) -> new Object[] {response.getStatusCode().value(),
                        response.getHeaders().getContentType(), new String(response.getBody().readAllBytes())});
        assertThat(refused[0]).isEqualTo(404);
        assertThat(String.valueOf(refused[1])).isEqualTo("application/problem+json");
        assertThat((String) refused[2]).contains("\"status\":404");
    }

    private int status(String token, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port).build().get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange((request, response) -> {
                    response.getBody().readAllBytes();
                    return response.getStatusCode().value();
                });
    }

    private static String pdf(UUID account, String query) {
        return "/api/reviews/" + account + "/export.pdf" + query;
    }

    private static String xlsx(UUID account, String query) {
        return "/api/reviews/" + account + "/export.xlsx" + query;
    }
}
