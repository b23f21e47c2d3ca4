package io.kam.projection.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.HeatTrend;
import io.kam.accounts.api.KpiUnit;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipWall;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.negotiations.api.TermKind;
import io.kam.promotions.api.PromotionStatus;

/** Both languages have every word of the exports: no key lacks a translation, no enum constant a label. */
class LabelsTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndNoneIsBlank() throws IOException {
        Properties en = bundle("en");
        Properties zh = bundle("zh_CN");

        assertThat(zh.stringPropertyNames()).as("keys without a Chinese translation, or only in Chinese")
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).allSatisfy(key -> {
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
            assertThat(zh.getProperty(key)).as("zh-CN " + key).isNotBlank();
        });
    }

    @Test
    void everyConstantTheExportsNameHasALabelInBothLanguages() {
        List<Enum<?>> constants = Stream.of(RetailFormat.values(), AccountScope.values(), Region.values(),
                AccountStatus.values(), ValueTier.values(), AccountRole.values(), DevelopmentStage.values(),
                PlanKpi.values(), KpiUnit.values(), ActionStatus.values(), PromotionStatus.values(),
                HeatTrend.values(), Department.values(), TermKind.values()).<Enum<?>>flatMap(Stream::of).toList();
        for (ExportLanguage language : ExportLanguage.values()) {
            Labels labels = new Labels(language);
            assertThat(constants).allSatisfy(constant -> assertThat(labels.of(constant)).isNotBlank());
            for (RelationshipWall.Reason reason : RelationshipWall.Reason.values()) {
                assertThat(labels.of("WallReason", reason.name())).isNotBlank();
            }
        }
    }

    @Test
    void theChineseLabelsAreChinese() {
        Labels zh = new Labels(ExportLanguage.ZH_CN);

        assertThat(zh.of(AccountRole.WHITE)).isEqualTo("白脸");
        assertThat(zh.text("document.title", "长江超市")).isEqualTo("生意回顾：长江超市");
        assertThat(zh.text("summary.planVersion", 2026, 2)).as("years without grouping").isEqualTo("2026年，第2版");
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        String resource = "/" + Labels.BUNDLE.replace('.', '/') + "_" + suffix + ".properties";
        try (InputStream in = LabelsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
