package io.kam.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages ({@code chromium}, {@code chromium-driver}), driven by Selenium with
 * that driver: nothing is downloaded (the driver and the browser are named, so Selenium Manager is not asked).
 * Each browser has a fresh profile and speaks the language it is given as its {@code Accept-Language}.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("kam.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("kam.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browser() {
    }

    /** Fails, saying what to install, when the browser or its driver is missing. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install them with 'apt-get install chromium chromium-driver' (Debian/Ubuntu; "
                    + "as root). They are not downloaded at build time.");
        }
    }

    static ChromeDriver open(String acceptLanguage) {
        return open(acceptLanguage, null);
    }

    /** A browser that saves what it downloads in {@code downloads} without asking (null: the default place). */
    static ChromeDriver open(String acceptLanguage, Path downloads) {
        requireInstalled();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("kam-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + profile, "--lang=" + acceptLanguage.split(",")[0]);
        options.setExperimentalOption("prefs", downloads == null ? Map.of("intl.accept_languages", acceptLanguage)
                : Map.of("intl.accept_languages", acceptLanguage, "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Keeps what the browser shows as target/screenshots/{name}.png, for review. */
    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
