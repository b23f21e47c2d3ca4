package io.kam.promotions;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;

/** The promotion calendar: by month in JSON, and an account's agreed promotions as an iCalendar for the retailer. */
class CalendarApiTest extends ServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate FROM = YearMonth.from(LocalDate.now(MarketCalendar.ZONE)).plusMonths(3).atDay(10);
    private static final LocalDate TO = FROM.plusDays(13);

    @Test
    void anAccountsAgreedPromotionsAreAnICalendarOfAllDayEventsAndNothingElseIsInIt() throws Exception {
        Chain chain = aChain(Region.EAST, Region.EAST);
        String agreed = anAgreedPromotion(chain, List.of(chain.stores().get(0)), FROM, TO);
        nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(1)), FROM, TO)));

        HttpResponse<String> ics = ics(TestTokens.integrationFor(chain.id()), "");

        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.body().split("BEGIN:VEVENT", -1)).as("the draft is not in it").hasSize(2);
        assertThat(ics.body()).contains("UID:" + agreed + "@promotions.kam-platform.io\r\n",
                "DTSTART;VALUE=DATE:" + FROM.toString().replace("-", "") + "\r\n",
                "DTEND;VALUE=DATE:" + TO.plusDays(1).toString().replace("-", "") + "\r\n",
                "SUMMARY:Spring dairy week\r\n");
        var managers = ics(TestTokens.nora(), "?accountId=" + chain.id()).body();
        assertThat(managers).contains("UID:" + agreed + "@promotions.kam-platform.io\r\n");
        assertThat(managers.split("BEGIN:VEVENT", -1)).hasSize(2);
    }

    @Test
    void theCalendarIsRefusedToAnUnboundIntegrationAndToAnotherRetailer() throws Exception {
        Chain chain = aChain(Region.EAST);
        Chain other = aChain(Region.EAST);

        assertThat(ics(TestTokens.integration(), "").statusCode()).isEqualTo(403);
        assertThat(ics(TestTokens.integrationFor(other.id()), "?accountId=" + chain.id()).statusCode()).isEqualTo(403);
        assertThat(ics(TestTokens.nora(), "").statusCode()).as("a calendar is one account's").isEqualTo(400);
        assertThat(ics(null, "?accountId=" + chain.id()).statusCode()).isEqualTo(401);
    }

    @Test
    void aMonthListsThePromotionsRunningInItOnly() {
        Chain chain = aChain(Region.EAST);
        String inMonth = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, TO))).text("id");
        nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM.plusMonths(2), TO.plusMonths(2))));
        YearMonth month = YearMonth.from(FROM);

        var listed = nora.get("/api/promotions?accountId=" + chain.id() + "&month=" + month);

        assertThat(listed.body().path("total").asLong()).isEqualTo(1);
        assertThat(listed.body().path("items").get(0).path("id").asString()).isEqualTo(inMonth);
        assertThat(nora.get("/api/promotions?month=" + month + "&from=" + FROM).status()).isEqualTo(400);
    }

    private HttpResponse<String> ics(String token, String query) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/promotions/calendar.ics" + query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
