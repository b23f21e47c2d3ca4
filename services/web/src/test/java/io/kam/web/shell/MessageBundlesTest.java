package io.kam.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.HeatTrend;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanStatus;
import io.kam.accounts.api.PlanViews;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.api.ValueTier;
import io.kam.accounts.api.WallLevel;
import io.kam.prospects.api.ProspectStage;
import io.kam.visits.api.CommitmentStatus;
import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.LimitUnit;
import io.kam.visits.api.Material;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitOutcome;
import io.kam.visits.api.VisitPurpose;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.api.VisitType;
import io.kam.web.day.VisitForms;

/**
 * Every text a page can show is in both languages: the two bundles have the same keys, none empty; every key a
 * template names is in them; and every key a template builds from an API value ({@code region.EAST},
 * {@code stage.PRODUCT_USER}...) exists for every value the contract has.
 */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{key}} or {@code #{key(args)}} with a literal key. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    /** {@code #{${'prefix.' + value}}}: a key built from an API value. */
    private static final Pattern BUILT_KEY = Pattern.compile("#\\{\\$\\{'([\\w.-]+\\.)'");

    private final Properties english = bundle("messages_en.properties");
    private final Properties chinese = bundle("messages_zh_CN.properties");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() {
        assertThat(chinese.stringPropertyNames()).as("keys in English but not in Chinese, or the other way")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (Properties bundle : new Properties[] {english, chinese}) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
                    assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyATemplateNamesIsTranslated() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        assertThat(named).as("keys the templates name").isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(named);
        assertThat(chinese.stringPropertyNames()).containsAll(named);
    }

    @Test
    void everyKeyBuiltFromAnApiValueIsTranslatedForEveryValue() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                Matcher key = BUILT_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    prefixes.add(key.group(1));
                }
            }
        }
        Set<String> built = new TreeSet<>();
        for (String prefix : prefixes) {
            Enum<?>[] values = switch (prefix) {
                case "region." -> Region.values();
                case "tier." -> ValueTier.values();
                case "role." -> AccountRole.values();
                case "stage." -> DevelopmentStage.values();
                case "department." -> Department.values();
                case "wall.level." -> WallLevel.values();
                case "wall.reason." -> RelationshipWall.Reason.values();
                case "heat.trend." -> HeatTrend.values();
                case "action." -> ActionStatus.values();
                case "kpi." -> PlanKpi.values();
                case "prospect.stage." -> ProspectStage.values();
                case "plan.status." -> PlanStatus.values();
                case "plan.diff.change." -> PlanViews.Change.values();
                case "complaint.type." -> ComplaintType.values();
                case "complaint.status." -> ComplaintStatus.values();
                case "slot." -> TimeSlot.values();
                case "visit.type." -> VisitType.values();
                case "visit.purpose." -> VisitPurpose.values();
                case "visit.status." -> VisitStatus.values();
                case "material." -> Material.values();
                case "outcome." -> VisitOutcome.values();
                case "commitment.type." -> CommitmentType.values();
                case "commitment.status." -> CommitmentStatus.values();
                case "limit.unit." -> LimitUnit.values();
                case "ranking.by.", "checkpoint.", "check.display.", "review.export.", "batch.status." -> null;
                default -> throw new AssertionError("a template builds keys from " + prefix
                        + "; name the values it takes in this test");
            };
            if (values == null) {
                List<String> names = switch (prefix) {
                    case "ranking.by." -> io.kam.web.overview.OverviewOrders.ORDER.stream().map(String::valueOf).toList();
                    case "checkpoint." -> Stream.concat(Stream.of("discussed", "wentTo"),
                            VisitForms.CHECKPOINTS.stream()).toList();
                    case "batch.status." -> List.of("RECEIVING", "COMPLETED", "REJECTED", "FAILED");
                    case "review.export." -> List.of("pdf.internal", "pdf.retailer", "xlsx.internal", "xlsx.retailer");
                    default -> List.of("poster", "hangingFlag", "displayCabinet", "promoterPresent");
                };
                names.forEach(name -> built.add(prefix + name));
                continue;
            }
            for (Enum<?> value : values) {
                built.add(prefix + value.name());
            }
        }
        assertThat(prefixes).contains("region.", "stage.", "department.");
        assertThat(english.stringPropertyNames()).containsAll(built);
        assertThat(chinese.stringPropertyNames()).containsAll(built);
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("cannot read " + name, e);
        }
        return properties;
    }
}
