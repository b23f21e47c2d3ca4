package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.kam.accounts.AccountsApplication;
import io.kam.gateway.GatewayApplication;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.keycloak.KeycloakServer;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.projection.ProjectionApplication;
import io.kam.sellthrough.SellThroughApplication;
import io.kam.visits.VisitsApplication;
import io.kam.web.WebApplication;
import io.kam.web.shell.Formats;
import tools.jackson.databind.JsonNode;

/**
 * The web app in a real browser (headless Chromium), as its users meet it: behind the gateway at {@code /}, logging
 * in through the real Keycloak, every figure the API's. Nora (national KA manager) sees the ranking of every
 * account and a review, in Chinese by her browser's language and in English once she switches; Eric (coordinator,
 * East) sees his region's accounts only and, asking for the South, the API's refusal in his language; Nate
 * approves the plan Nora submitted, which she may not approve herself (four eyes). Eric, on a phone-sized screen,
 * finds today's visit on his day and, once it is logged (a commitment within the account's policy and one outside
 * it) with a store check, sees each commitment as the policy guard decided and the check's score; a South store's
 * day is refused in his language. Screenshots of
 * each page are kept under target/screenshots.
 */
class WebAppBrowserTest {

    /** Services on the test JVM's classpath that neither the gateway nor the web app has on its own. */
    private static final String NOT_ON_THEIR_CLASSPATH = String.join(",",
            "io.kam.platform.persistence.KamPersistenceAutoConfiguration",
            "io.kam.platform.outbox.KamOutboxAutoConfiguration",
            "io.kam.platform.consumer.KamConsumerAutoConfiguration",
            "io.micronaut.spring.boot.starter.MicronautImportRegistrar",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "io.kam.platform.security.KamSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration");
    /** The gateway has no login of its own; the web app has no problem-details advice for REST (kam-web). */
    private static final String GATEWAY_EXCLUDES = NOT_ON_THEIR_CLASSPATH + ","
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";
    private static final String WEB_EXCLUDES = NOT_ON_THEIR_CLASSPATH + ",io.kam.platform.web.KamWebAutoConfiguration";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MULTIPART = "spring.servlet.multipart.enabled";

    private static KeycloakServer keycloak;
    private static RunningService accounts;
    private static RunningService sellThrough;
    private static RunningService projection;
    private static RunningService visits;
    private static ConfigurableApplicationContext web;
    private static ConfigurableApplicationContext gateway;
    private static int gatewayPort;
    private static String site;
    private static String eastAccount;
    private static String southAccount;

    @BeforeAll
    static void startThePlatform() throws Exception {
        Browser.requireInstalled();
        keycloak = KeycloakServer.shared();
        Map<String, Object> realm = Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
        accounts = RunningService.start(AccountsApplication.class, "browser_accounts", realm);
        sellThrough = RunningService.start(SellThroughApplication.class, "browser_sellthrough", realm);
        projection = RunningService.start(ProjectionApplication.class, "browser_projection", realm);
        // Spring Cloud Gateway, on this JVM's class path for the gateway, turns multipart off for every application
        // that does not set it (an environment post-processor); on their own (make run, Compose) the visits service
        // and the web app have it on, as here.
        visits = RunningService.start(VisitsApplication.class, "browser_visits", Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri(),
                MULTIPART, "true"));
        // The web app calls the API through the gateway, which sends the pages to the web app: both ports are
        // chosen first.
        gatewayPort = freePort();
        int webPort = freePort();
        site = "http://localhost:" + gatewayPort;
        RealmRedirects.allow(keycloak, site);
        web = run(WebApplication.class, Map.of("server.port", webPort,
                "spring.security.oauth2.client.provider.keycloak.issuer-uri", keycloak.issuerUri(),
                "kam.web.api-url", site,
                MULTIPART, "true",
                // Spring Cloud Gateway's FormFilter, configured by the gateway's auto-configuration on this JVM's
                // class path, would otherwise hide the web app's own form fields from it (only the query's left).
                "spring.cloud.gateway.server.webmvc.form-filter.enabled", "false",
                "spring.autoconfigure.exclude", WEB_EXCLUDES));
        gateway = run(GatewayApplication.class, Map.of("server.port", gatewayPort,
                "kam.gateway.routes.accounts", accounts.baseUrl(),
                "kam.gateway.routes.reviews", projection.baseUrl(),
                "kam.gateway.routes.sell-through", sellThrough.baseUrl(),
                "kam.gateway.routes.visits", visits.baseUrl(),
                "kam.gateway.web", "http://localhost:" + webPort,
                "spring.autoconfigure.exclude", GATEWAY_EXCLUDES));
        eastAccount = accountWithSales("Browser East Mart", "EAST", "BE-01", 7);
        southAccount = accountWithSales("Browser South Mart", "SOUTH", "BS-01", 3);
    }

    @AfterAll
    static void stopThePlatform() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {gateway, web}) {
            if (app != null) {
                app.close();
            }
        }
        for (RunningService service : new RunningService[] {visits, projection, sellThrough, accounts}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void noraReadsTheRankingAndAReviewInChineseThenInEnglish() throws Exception {
        Api api = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        JsonNode ranking = api.get("/api/reviews/ranking").body();
        JsonNode review = api.get("/api/reviews/" + eastAccount).body();
        ChromeDriver browser = Browser.open("zh-CN,zh");
        try {
            logIn(browser, "nora");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("全国概览");
            assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("nora");
            assertRankingShows(browser, ranking, Locale.SIMPLIFIED_CHINESE);
            JsonNode pipeline = api.get("/api/reviews/pipeline").body();
            pipeline.path("byStage").properties().forEach(stage -> assertThat(browser.findElement(By.cssSelector(
                    "#pipeline li[data-stage='" + stage.getKey() + "'] strong")).getText())
                    .isEqualTo(stage.getValue().asString()));
            assertTranslated(browser);
            awaitCharts(browser);
            Browser.screenshot(browser, "overview-nora-zh");

            browser.findElement(By.cssSelector("tr[data-account='" + eastAccount + "'] td.name a")).click();
            wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
            assertThat(browser.findElement(By.id("account-name")).getText())
                    .isEqualTo(review.path("header").path("name").asString());
            assertThat(browser.findElement(By.id("yoy-this")).getText()).isEqualTo(money(
                    review.path("sellThrough").path("yearToDate").path("sales").decimalValue(), Locale.SIMPLIFIED_CHINESE));
            assertThat(browser.findElement(By.cssSelector("#plan h2")).getText()).isEqualTo("计划与实际");
            assertTranslated(browser);
            Browser.screenshot(browser, "review-nora-zh");

            browser.findElement(By.id("lang-en")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.cssSelector("#plan h2"), "Plan against actual"));
            assertThat(browser.findElement(By.id("yoy-this")).getText()).isEqualTo(money(
                    review.path("sellThrough").path("yearToDate").path("sales").decimalValue(), Locale.ENGLISH));
            assertTranslated(browser);
            Browser.screenshot(browser, "review-nora-en");

            browser.get(site + "/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).as("the language is remembered")
                    .isEqualTo("National overview");
            assertRankingShows(browser, ranking, Locale.ENGLISH);
            Browser.screenshot(browser, "overview-nora-en");

            browser.findElement(By.id("lang-zh")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.tagName("h1"), "全国概览"));

            browser.findElement(By.id("logout")).click();
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        } finally {
            browser.quit();
        }
    }

    @Test
    void noraReadsAReviewAsItStoodAndWhatChangedSinceAndDownloadsItsExport() throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        String review = "/api/reviews/" + eastAccount;
        // A moment (whole seconds, as the picker gives it) before more of the East account's sales arrive.
        LocalDateTime before = LocalDateTime.now(MarketCalendar.ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await("the picked moment has passed").atMost(Duration.ofSeconds(5))
                .until(() -> LocalDateTime.now(MarketCalendar.ZONE).isAfter(before));
        String then = before.atZone(MarketCalendar.ZONE).toInstant().toString();
        BigDecimal salesThen = nora.get(review).body().path("sellThrough").path("yearToDate").path("sales").decimalValue();
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        LocalDate day = today.getDayOfYear() > 2 ? today.minusDays(2) : today;
        String csv = SellThroughUploads.HEADER + "BE-01,6901234567892," + day + ",4,49.40,CNY,\n";
        assertThat(push(RealmTokens.password(keycloak, "nora"), eastAccount, csv).statusCode()).isEqualTo(201);
        await("the new sales reach the review").atMost(Duration.ofSeconds(60)).until(() -> nora.get(review).body()
                .path("sellThrough").path("yearToDate").path("sales").decimalValue().compareTo(salesThen) != 0);
        JsonNode asItStood = nora.get(review + "?asOf=" + then).body();
        JsonNode changes = nora.get(review + "/changes?from=" + then).body();

        Path downloads = Files.createTempDirectory("kam-downloads-");
        ChromeDriver browser = Browser.open("en-GB,en", downloads);
        try {
            logIn(browser, "nora");
            browser.get(site + "/accounts/" + eastAccount);
            browser.executeScript("document.getElementById('as-of').value = arguments[0];", before.toString());
            browser.findElement(By.id("as-of-button")).click();
            // the form is a GET: wait for the new page, not the old one whose field the script already set
            wait(browser).until(ExpectedConditions.urlContains("asOf="));
            wait(browser).until(ExpectedConditions.attributeToBe(By.id("as-of"), "value", before.toString()));
            assertThat(browser.findElement(By.id("yoy-this")).getText()).as("this year's sales as they stood")
                    .isEqualTo(money(asItStood.path("sellThrough").path("yearToDate").path("sales").decimalValue(),
                            Locale.ENGLISH));
            assertTranslated(browser);
            Browser.screenshot(browser, "review-as-of-nora-en");

            // The export of the review as it stood, through the web app with Nora's token: a figure the API's.
            browser.findElement(By.id("export-xlsx-internal")).click();
            Path workbook = await("the export downloaded").atMost(Duration.ofSeconds(60)).until(() -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
                }
            }, java.util.Objects::nonNull);
            assertThat(numbersIn(workbook)).as("the sales as they stood, in the workbook")
                    .anySatisfy(n -> assertThat(n).isEqualByComparingTo(salesThen));

            browser.executeScript("document.getElementById('as-of').value = '';"
                    + "document.getElementById('changes-from').value = arguments[0];", before.toString());
            browser.findElement(By.id("as-of-button")).click();
            WebElement sales = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("changes-sell-through")));
            JsonNode sellThrough = changes.path("sellThrough");
            assertThat(sales.getText()).isEqualTo("Sales this year: "
                    + money(sellThrough.path("from").decimalValue(), Locale.ENGLISH) + " then, "
                    + money(sellThrough.path("to").decimalValue(), Locale.ENGLISH) + " now ("
                    + money(sellThrough.path("delta").decimalValue(), Locale.ENGLISH) + ")");
            assertThat(browser.findElement(By.id("changes-events")).getText())
                    .startsWith(changes.path("eventsRecorded").asString() + " ");
            assertTranslated(browser);
            Browser.screenshot(browser, "review-changes-since-nora-en");
        } finally {
            browser.quit();
        }
    }

    @Test
    void noraUploadsSellThroughWithABadRowSeesItFinishAndDownloadsTheRejections() throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        LocalDate day = today.getDayOfYear() > 3 ? today.minusDays(3) : today;
        Path csv = Files.createTempFile("kam-sell-through-", ".csv");
        Files.writeString(csv, SellThroughUploads.HEADER + "BE-01,6901234567892," + day + ",2,24.70,CNY,\n"
                + "BE-01,6901234567892," + day + ",two,1.00,CNY,\n", StandardCharsets.UTF_8);
        Path downloads = Files.createTempDirectory("kam-downloads-");

        ChromeDriver browser = Browser.open("en-GB,en", downloads);
        try {
            logIn(browser, "nora");
            browser.findElement(By.id("nav-uploads")).click();
            String batchId = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("batch-id")))
                    .getAttribute("value");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("upload-account")))
                    .selectByValue(eastAccount);
            browser.findElement(By.id("upload-file")).sendKeys(csv.toString());
            assertTranslated(browser);
            Browser.screenshot(browser, "uploads-nora-en");
            browser.findElement(By.id("upload-button")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.id("batch-status"), "Completed"));
            JsonNode batch = nora.get("/api/sell-through/batches/" + batchId + "?account=" + eastAccount).body();
            assertThat(batch.path("rejected").asLong()).isEqualTo(1);
            assertThat(browser.findElement(By.id("batch-rows")).getText()).isEqualTo(batch.path("rowsRead").asString());
            assertThat(browser.findElement(By.id("batch-accepted")).getText())
                    .isEqualTo(batch.path("accepted").asString());
            assertThat(browser.findElement(By.id("batch-rejected")).getText()).isEqualTo("1");
            Browser.screenshot(browser, "upload-finished-nora-en");

            browser.findElement(By.id("rejections")).click();
            Path report = await("the rejections downloaded").atMost(Duration.ofSeconds(60)).until(() -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
                }
            }, java.util.Objects::nonNull);
            HttpResponse<String> fromTheApi = HTTP.send(HttpRequest.newBuilder(URI.create(site
                            + "/api/sell-through/batches/" + batchId + "/rejections?account=" + eastAccount))
                    .header("Authorization", "Bearer " + RealmTokens.password(keycloak, "nora")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String downloaded = Files.readString(report, StandardCharsets.UTF_8);
            assertThat(downloaded).as("the API's report, byte for byte").isEqualTo(fromTheApi.body());
            assertThat(downloaded.lines().skip(1).toList()).singleElement().asString().startsWith("3,");
        } finally {
            browser.quit();
        }
    }

    /** Every number in the workbook's cells. */
    private static List<BigDecimal> numbersIn(Path workbook) throws IOException {
        List<BigDecimal> numbers = new java.util.ArrayList<>();
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(workbook.toFile())) {
            for (var sheet : book) {
                for (var row : sheet) {
                    for (var cell : row) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            numbers.add(BigDecimal.valueOf(cell.getNumericCellValue()));
                        }
                    }
                }
            }
        }
        return numbers;
    }

    @Test
    void ericSeesHisRegionsAccountsAndTheRefusalOfAnotherRegionInHisLanguage() throws Exception {
        Api api = new Api(gatewayPort).as(RealmTokens.password(keycloak, "eric"));
        JsonNode ranking = api.get("/api/reviews/ranking").body();
        assertThat(ranking.path("accounts").valueStream().map(a -> a.path("accountId").asString()))
                .contains(eastAccount).doesNotContain(southAccount);
        ChromeDriver browser = Browser.open("en-GB,en");
        try {
            logIn(browser, "eric");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("National overview");
            assertRankingShows(browser, ranking, Locale.ENGLISH);
            assertThat(browser.findElements(By.cssSelector("tr[data-account='" + southAccount + "']"))).isEmpty();
            Browser.screenshot(browser, "overview-eric-en");

            browser.get(site + "/?region=SOUTH");
            WebElement problem = browser.findElement(By.id("problem"));
            assertThat(problem.findElement(By.tagName("h1")).getText()).isEqualTo("This is outside your region.");
            assertThat(problem.getText()).contains("403");
            Browser.screenshot(browser, "refused-eric-en");
            browser.findElement(By.id("lang-zh")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.cssSelector("#problem h1"), "这不在您的大区内。"));
            Browser.screenshot(browser, "refused-eric-zh");
        } finally {
            browser.quit();
        }
    }

    @Test
    void nateReturnsAPlanWithHisCommentThroughThePagesFormButNotWithoutItsCsrfToken() throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        int year = LocalDate.now(MarketCalendar.ZONE).getYear();
        String plans = "/api/accounts/" + eastAccount + "/plans";
        var submitted = submittedPlan(nora, plans, year);
        String page = site + "/accounts/" + eastAccount + "/plans/" + year;
        // Characters a form encodes: spaces as '+', '&', '%', '=' and Chinese, all in the body, the version read in
        // the address (?version=): the body must reach the web app whole and apart from the query.
        String comment = "中秋陈列 & 目标 +10% = too low; raise it";

        ChromeDriver asNate = Browser.open("en-GB,en");
        try {
            logIn(asNate, "nate");
            asNate.get(page);
            assertThat(asNate.findElement(By.id("latest-status")).getText()).isEqualTo("Submitted");
            // The same form posted without the page's CSRF token (as another site would make the browser post it).
            Object forged = asNate.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('return').action, {method: 'POST', redirect: 'manual',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'comment=forged'})
                      .then(r => done(r.status), e => done(String(e)));""");
            assertThat(forged).as("a post without the CSRF token").isEqualTo(403L);
            assertThat(nora.get(plans + "/" + year + "/versions/1").body().path("status").asString())
                    .isEqualTo("SUBMITTED");

            asNate.findElement(By.cssSelector("#return input[name='comment']")).sendKeys(comment);
            Browser.screenshot(asNate, "plan-return-nate-en");
            asNate.findElement(By.id("return-button")).click();
            wait(asNate).until(d -> !d.findElements(By.id("problem")).isEmpty()
                    || "Returned".equals(d.findElements(By.id("latest-status")).stream().findFirst()
                    .map(WebElement::getText).orElse(null)));
            assertThat(asNate.findElements(By.id("problem"))).as("%s", asNate.findElement(By.tagName("body")).getText())
                    .isEmpty();
            JsonNode version = nora.get(plans + "/" + year + "/versions/1").body();
            assertThat(version.path("status").asString()).isEqualTo("RETURNED");
            assertThat(version.path("decidedBy").asString()).isEqualTo("nate");
            assertThat(version.path("returnComment").asString()).as("the form's body, whole").isEqualTo(comment);
            assertThat(asNate.findElement(By.cssSelector("tr[data-version='1'] .return-comment")).getText())
                    .isEqualTo(comment);
            assertTranslated(asNate);
            Browser.screenshot(asNate, "plan-returned-nate-en");
        } finally {
            asNate.quit();
        }
    }

    @Test
    void noraRevisesAnApprovedPlanPhasesAndSubmitsItAndSeesWhatChangedFromTheVersionBefore() throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        Api nate = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nate"));
        int year = LocalDate.now(MarketCalendar.ZONE).getYear() + 1;
        String plans = "/api/accounts/" + southAccount + "/plans";
        var submitted = submittedPlan(nora, plans, year);
        var approved = nate.post(plans + "/" + year + "/versions/1/approve", null, submitted.etag());
        assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);

        ChromeDriver browser = Browser.open("en-GB,en");
        try {
            logIn(browser, "nora");
            browser.get(site + "/accounts/" + southAccount + "/plans/" + year);
            browser.findElement(By.id("revise-button")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.id("latest-status"), "Draft"));
            // Half of November's target moves to December: the months still sum to the year's target.
            WebElement november = browser.findElement(By.id("month-11"));
            november.clear();
            november.sendKeys("50000");
            WebElement december = browser.findElement(By.id("month-12"));
            december.clear();
            december.sendKeys("150000");
            Browser.screenshot(browser, "plan-phasing-nora-en");
            browser.findElement(By.id("phasing-button")).click();
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#diff-table tr[data-month='12']")));
            JsonNode diff = nora.get(plans + "/" + year + "/diff?from=1&to=2").body();
            assertThat(diff.path("phasing").valueStream().map(m -> m.path("month").asInt()).toList())
                    .containsExactly(11, 12);
            for (JsonNode month : diff.path("phasing")) {
                WebElement row = browser.findElement(By.cssSelector(
                        "#diff-table tr[data-month='" + month.path("month").asInt() + "']"));
                assertThat(row.findElement(By.cssSelector(".from")).getText())
                        .isEqualTo(money(month.path("from").decimalValue(), Locale.ENGLISH));
                assertThat(row.findElement(By.cssSelector(".to")).getText())
                        .isEqualTo(money(month.path("to").decimalValue(), Locale.ENGLISH));
            }
            assertThat(browser.findElement(By.cssSelector("#diff h2")).getText()).isEqualTo("Version 1 against version 2");

            browser.findElement(By.id("submit-button")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.id("latest-status"), "Submitted"));
            JsonNode second = nora.get(plans + "/" + year + "/versions/2").body();
            assertThat(second.path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(second.path("submittedBy").asString()).isEqualTo("nora");
            assertThat(second.path("revisionOf").asInt()).isEqualTo(1);
            assertTranslated(browser);
            Browser.screenshot(browser, "plan-revised-submitted-diff-nora-en");
        } finally {
            browser.quit();
        }
    }

    /** A plan for the year that Nora drafted and submitted, version 1 read at the version it was submitted in. */
    private static Api.Response submittedPlan(Api nora, String plans, int year) {
        var draft = nora.post(plans, Map.of("year", year,
                "targets", List.of(Map.of("kpi", "SELL_THROUGH_VALUE", "value", 1_200_000)),
                "phasing", List.of(100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
                        100_000, 100_000, 100_000),
                "actionItems", List.of(Map.of("what", "Mid-autumn display", "owner", "nora", "due", year + "-12-31",
                        "servesKpi", "SELL_THROUGH_VALUE"))));
        assertThat(draft.status()).as("%s", draft.body()).isEqualTo(201);
        var submitted = nora.post(plans + "/" + year + "/versions/1/submit", null, draft.etag());
        assertThat(submitted.status()).as("%s", submitted.body()).isEqualTo(200);
        return submitted;
    }

    @Test
    void nateApprovesNorasPlanWhichNoraMayNotApproveHerself() throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        int year = LocalDate.now(MarketCalendar.ZONE).getYear();
        String plans = "/api/accounts/" + southAccount + "/plans";
        var submitted = submittedPlan(nora, plans, year);
        String page = site + "/accounts/" + southAccount + "/plans/" + year;

        ChromeDriver asNora = Browser.open("en-GB,en");
        try {
            logIn(asNora, "nora");
            asNora.get(page);
            assertThat(asNora.findElement(By.cssSelector("tr[data-version='1'] .author")).getText()).isEqualTo("nora");
            assertThat(asNora.findElement(By.cssSelector("tr[data-version='1'] .submitted-by")).getText())
                    .isEqualTo("nora");
            assertThat(asNora.findElement(By.id("latest-status")).getText()).isEqualTo("Submitted");
            assertTranslated(asNora);
            Browser.screenshot(asNora, "plan-nora-en");
            assertThat(asNora.findElement(By.id("approve")).getAttribute("action")).as("the version read, for If-Match")
                    .endsWith("?version=" + submitted.etag().replace("\"", ""));
            asNora.findElement(By.id("approve-button")).click();
            wait(asNora).until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertThat(asNora.findElement(By.cssSelector("#problem h1")).getText())
                    .as("%s", asNora.findElement(By.id("problem")).getAttribute("textContent")).startsWith("Four eyes:");
            assertThat(asNora.findElement(By.id("problem")).getText()).contains("403");
            Browser.screenshot(asNora, "plan-own-approval-refused-en");
        } finally {
            asNora.quit();
        }

        ChromeDriver asNate = Browser.open("zh-CN,zh");
        try {
            logIn(asNate, "nate");
            asNate.get(page);
            assertThat(asNate.findElement(By.id("latest-status")).getText()).isEqualTo("已提交");
            asNate.findElement(By.id("approve-button")).click();
            wait(asNate).until(ExpectedConditions.textToBe(By.id("latest-status"), "已批准"));
            JsonNode version = nora.get(plans + "/" + year + "/versions/1").body();
            assertThat(version.path("status").asString()).isEqualTo("APPROVED");
            assertThat(version.path("decidedBy").asString()).isEqualTo("nate");
            assertThat(asNate.findElement(By.cssSelector("tr[data-version='1'] .decided-by")).getText())
                    .isEqualTo("nate");
            assertThat(asNate.findElements(By.id("approve-button"))).as("nothing left to approve").isEmpty();
            assertTranslated(asNate);
            Browser.screenshot(asNate, "plan-approved-nate-zh");
        } finally {
            asNate.quit();
        }
    }

    @Test
    void ericSeesHisDayAVisitsLogAsThePolicyGuardDecidedAndItsStoreCheckButNotTheSouth() throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        Api eric = new Api(gatewayPort).as(RealmTokens.password(keycloak, "eric"));
        String skus = "/api/visits/accounts/" + eastAccount + "/skus/6901234567892";
        await("the account reaches the visits service").atMost(Duration.ofSeconds(60)).until(() ->
                nora.put(skus, Map.of("name", "Jasmine tea 500 g", "agreedRetailPrice", "12.50"), "*").status() == 200);
        assertThat(nora.put("/api/visits/accounts/" + eastAccount + "/commitment-policy",
                Map.of("allowed", List.of("POS_MATERIAL")), "*").status()).isEqualTo(200);
        String store = await("the store reaches the visits service").atMost(Duration.ofSeconds(60)).until(() ->
                nora.get("/api/visits/stores?accountId=" + eastAccount).body().path("items"), items -> items.size() == 1)
                .get(0).path("storeId").asString();
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        var planned = eric.post("/api/visits", Map.of("region", "EAST", "storeId", store, "type", "STORE_CHECK",
                "plannedDate", today.toString(), "slot", "BEFORE_OPENING"));
        assertThat(planned.status()).as("%s", planned.body()).isEqualTo(201);
        String visit = planned.text("id");

        ChromeDriver browser = Browser.open("en-GB,en");
        try {
            browser.manage().window().setSize(new Dimension(390, 1400));
            logIn(browser, "eric");
            browser.findElement(By.id("nav-day")).click();
            WebElement item = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#todays li[data-visit='" + visit + "']")));
            assertThat(item.findElement(By.cssSelector(".account")).getText()).startsWith("Browser East Mart");
            assertThat(item.findElement(By.cssSelector(".status")).getText()).isEqualTo("Planned");
            assertThat(browser.findElements(By.cssSelector("#week li[data-visit='" + visit + "']"))).hasSize(1);
            assertTranslated(browser);
            Browser.screenshot(browser, "day-eric-en");

            WebElement photo = browser.findElement(By.cssSelector("#todays li[data-visit='" + visit + "'] a"));
            photo.click();
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("log-form")));
            assertThat(browser.findElement(By.id("note.wentTo.shelf")).getTagName()).isEqualTo("textarea");
            assertTranslated(browser);
            Browser.screenshot(browser, "visit-log-form-eric-en");

            // The visit logged and its store check recorded through the API as Eric (nate's return of a plan is the
            // suite's form post through the gateway), the page shows what the API answered: each commitment as the
            // policy guard decided, the check's score, the camera's photo input.
            Map<String, Object> noted = Map.of("note", "Noted at the shelf");
            var logged = eric.post("/api/visits/" + visit + "/log", Map.of(
                    "discussed", Map.of("salesStatus", noted, "marketAndCompetitors", noted, "problemsAndSolutions", noted),
                    "wentTo", Map.of("shelf", noted, "tradeFlow", noted, "staffTraining", noted),
                    "outcome", "OBJECTIVE_MET",
                    "commitments", List.of(Map.of("type", "POS_MATERIAL", "description", "Hanging flags for the tea aisle"),
                            Map.of("type", "DISPLAY_FEE", "description", "An end cap for November", "amount", 5000))),
                    planned.etag());
            assertThat(logged.status()).as("%s", logged.body()).isEqualTo(200);
            var check = eric.post("/api/visits/" + visit + "/store-check", Map.of(
                    "skus", List.of(Map.of("gtin", "6901234567892", "onShelf", true, "shelfPrice", "12.90", "facings", 4,
                            "outOfStock", false)),
                    "display", Map.of("secondaryDisplays", 1, "poster", true, "hangingFlag", false,
                            "displayCabinet", false, "promoterPresent", false),
                    "competitors", List.of()));
            assertThat(check.status()).as("%s", check.body()).isEqualTo(201);
            browser.navigate().refresh();
            awaitShown(browser, By.cssSelector("#commitments li"), "visit-logged-eric-en");
            JsonNode read = eric.get("/api/visits/" + visit).body();
            assertThat(browser.findElement(By.id("visit-status")).getText()).isEqualTo("Completed");
            assertThat(browser.findElement(By.cssSelector("[data-point='wentTo.shelf']")).getText())
                    .isEqualTo("Noted at the shelf");
            List<JsonNode> commitments = read.path("commitments").valueStream().toList();
            assertThat(commitments).extracting(c -> c.path("type").asString() + " " + c.path("status").asString())
                    .containsExactlyInAnyOrder("POS_MATERIAL RECORDED", "DISPLAY_FEE FLAGGED");
            for (JsonNode commitment : commitments) {
                WebElement shown = browser.findElement(By.cssSelector(
                        "#commitments li[data-commitment='" + commitment.path("id").asString() + "']"));
                assertThat(shown.getAttribute("data-status")).isEqualTo(commitment.path("status").asString());
                if (commitment.path("status").asString().equals("FLAGGED")) {
                    assertThat(shown.findElement(By.cssSelector(".status")).getText()).startsWith("Flagged");
                    assertThat(shown.findElement(By.cssSelector(".guard")).getText())
                            .isEqualTo("The policy guard: " + commitment.path("exceeded").path("reason").asString());
                }
            }
            JsonNode recorded = eric.get("/api/visits/" + visit + "/store-check").body();
            assertThat(browser.findElement(By.id("check-score")).getText())
                    .isEqualTo(Formats.numberFormat(Locale.ENGLISH).format(recorded.path("score").decimalValue()));
            assertThat(browser.findElement(By.id("photo-count")).getText()).isEqualTo("0");
            WebElement camera = browser.findElement(By.id("photo"));
            assertThat(camera.getAttribute("accept")).isEqualTo("image/*");
            assertThat(camera.getAttribute("capture")).isEqualTo("environment");
            assertTranslated(browser);
            Browser.screenshot(browser, "visit-logged-store-check-eric-en");

            // A photo larger than the web app takes is refused on the page in his language (413), nothing recorded.
            camera.sendKeys(photoFile(5 * 1024 * 1024 + 512 * 1024).toString());
            browser.findElement(By.id("photo-button")).click();
            WebElement tooLarge = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertThat(tooLarge.findElement(By.tagName("h1")).getText())
                    .isEqualTo("The photo is larger than 5 MB; take it again at a lower resolution.");
            assertThat(tooLarge.getText()).contains("413");
            Browser.screenshot(browser, "photo-too-large-eric-en");
            // A phone's photo, multipart through the gateway to the web app and from it to the visits service.
            browser.get(site + "/day/visits/" + visit);
            Path shelf = photoFile(0);
            browser.findElement(By.id("photo")).sendKeys(shelf.toString());
            browser.findElement(By.id("photo-button")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.id("photo-count"), "1"));
            JsonNode photos = eric.get("/api/visits/" + visit + "/store-check").body().path("photos");
            assertThat(photos.size()).isEqualTo(1);
            assertThat(photos.get(0).path("contentType").asString()).isEqualTo("image/png");
            assertThat(photos.get(0).path("size").asLong()).as("the file's bytes, whole").isEqualTo(Files.size(shelf));
            assertThat(browser.findElements(By.cssSelector("#photos li[data-photo='" + photos.get(0).path("id")
                    .asString() + "']"))).hasSize(1);
            Browser.screenshot(browser, "visit-photo-eric-en");

            browser.get(site + "/day?region=SOUTH");
            WebElement problem = browser.findElement(By.id("problem"));
            assertThat(problem.findElement(By.tagName("h1")).getText()).isEqualTo("This is outside your region.");
            assertThat(problem.getText()).contains("403");
            browser.findElement(By.id("lang-zh")).click();
            wait(browser).until(ExpectedConditions.textToBe(By.cssSelector("#problem h1"), "这不在您的大区内。"));
            Browser.screenshot(browser, "day-south-refused-eric-zh");
            browser.get(site + "/day");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的一天");
            assertTranslated(browser);
            Browser.screenshot(browser, "day-eric-zh");
        } finally {
            browser.quit();
        }
    }

    /** The ranking's rows are the API's accounts in its order, each figure the API's, written for the locale. */
    private static void assertRankingShows(ChromeDriver browser, JsonNode ranking, Locale locale) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking-table tbody tr"));
        List<JsonNode> accounts = ranking.path("accounts").valueStream().toList();
        assertThat(rows).hasSameSizeAs(accounts);
        for (int i = 0; i < accounts.size(); i++) {
            JsonNode account = accounts.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-account")).isEqualTo(account.path("accountId").asString());
            assertThat(row.findElement(By.cssSelector(".rank")).getText()).isEqualTo(account.path("rank").asString());
            assertThat(row.findElement(By.cssSelector(".name")).getText()).isEqualTo(account.path("name").asString());
            assertThat(row.findElement(By.cssSelector(".sellThrough")).getText())
                    .isEqualTo(account.path("sellThrough").isNull() ? Formats.NONE
                            : money(account.path("sellThrough").decimalValue(), locale));
        }
        WebElement ours = browser.findElement(By.cssSelector("tr[data-account='" + eastAccount + "'] .sellThrough"));
        assertThat(ours.getText()).isNotEqualTo(Formats.NONE);
    }

    /** A key without a text shows as ??key_locale?? (Thymeleaf); no page may show one. */
    private static void assertTranslated(ChromeDriver browser) {
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("??");
    }

    private static void awaitCharts(ChromeDriver browser) {
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart][data-drawn]")));
    }

    private static void logIn(ChromeDriver browser, String user) {
        browser.get(site + "/");
        try {
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "login-failed-" + user);
            throw new AssertionError("no login form at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
        }
        assertThat(browser.getCurrentUrl()).as("Keycloak's login page").startsWith(keycloak.issuerUri());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-dev");
        browser.findElement(By.id("kc-login")).click();
        try {
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "after-login-failed-" + user);
            throw new AssertionError("not logged in at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
        }
        assertThat(browser.getCurrentUrl()).startsWith(site + "/");
    }

    /** Waits for the element; if it does not come, keeps a screenshot and says what the page showed instead. */
    private static void awaitShown(ChromeDriver browser, By element, String screenshot) {
        try {
            wait(browser).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, screenshot + "-failed");
            throw new AssertionError("no " + element + " at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        // an element found while its page is being replaced goes stale: find it again
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static String money(BigDecimal value, Locale locale) {
        return Formats.moneyFormat(locale).format(value);
    }

    /** An account with one store in the region and a day of sales there, once the ranking shows them. */
    private static String accountWithSales(String name, String region, String store, int units) throws Exception {
        Api nora = new Api(gatewayPort).as(RealmTokens.password(keycloak, "nora"));
        var opened = nora.post("/api/accounts", Map.of("name", name + " " + UUID.randomUUID(), "banner", name,
                "format", "SUPERMARKET", "headquarters", Map.of("street", "1 Test Road", "city", "Shanghai"),
                "scope", "NATIONAL", "owner", "nora"));
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        String account = opened.text("id");
        var stores = nora.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(Map.of("code", store,
                "name", name + " 1", "city", "Shanghai", "region", region, "format", "SUPERMARKET"))));
        assertThat(stores.status()).as("%s", stores.body()).isIn(200, 201);
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        LocalDate day = today.getDayOfYear() > 1 ? today.minusDays(1) : today;
        String csv = SellThroughUploads.HEADER + store + ",6901234567892," + day + "," + units + ","
                + new BigDecimal("12.35").multiply(BigDecimal.valueOf(units)).toPlainString() + ",CNY,\n";
        String token = RealmTokens.password(keycloak, "nora");
        await("the store reaches the sell-through service").atMost(Duration.ofSeconds(60))
                .until(() -> push(token, account, csv).statusCode() == 201);
        await("the sales reach the ranking").atMost(Duration.ofSeconds(60)).until(() ->
                nora.get("/api/reviews/ranking").body().path("accounts").valueStream()
                        .anyMatch(a -> a.path("accountId").asString().equals(account) && !a.path("sellThrough").isNull()));
        return account;
    }

    /** A strict batch of the CSV, pushed through the gateway as Nora. */
    private static HttpResponse<String> push(String token, String account, String csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(site + "/api/sell-through/batches?batchId=b-"
                        + UUID.randomUUID() + "&account=" + account + "&mode=strict"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A photo as a phone's camera would give it: a real PNG, or with {@code size} above 0 that many bytes starting
     * like a JPEG (too large to be looked at further).
     */
    private static Path photoFile(int size) throws IOException {
        Path file = Files.createTempFile("kam-shelf-", size > 0 ? ".jpg" : ".png");
        if (size > 0) {
            byte[] bytes = new byte[size];
            new java.util.SplittableRandom(3).nextBytes(bytes);
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xD8;
            bytes[2] = (byte) 0xFF;
            Files.write(file, bytes);
        } else {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 64; x++) {
                for (int y = 0; y < 48; y++) {
                    image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
                }
            }
            ImageIO.write(image, "png", file.toFile());
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** An application of its own on the port given, with these settings over its defaults. */
    private static ConfigurableApplicationContext run(Class<?> application, Map<String, Object> settings) {
        return new SpringApplicationBuilder(application).run(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
