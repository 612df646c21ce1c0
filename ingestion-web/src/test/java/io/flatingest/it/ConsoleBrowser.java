package io.flatingest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (nothing downloaded), for the console's browser tests:
 * a fresh profile and download directory per browser, explicit waits only, and a numbered screenshot of every page
 * a test passes through under {@code target/screenshots/<test>/}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final String base;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final Path screenshots;
    private int shot;

    public ConsoleBrowser(String base, String testName) {
        this.base = base;
        try {
            Path root = TestEnvironment.itDirectory().resolve("browser");
            Files.createDirectories(root);
            profile = Files.createTempDirectory(root, "profile-");
            downloads = Files.createTempDirectory(root, "downloads-");
            screenshots = TestEnvironment.itDirectory().getParent().resolve("screenshots").resolve(testName);
            Files.createDirectories(screenshots);
            try (Stream<Path> old = Files.list(screenshots)) {
                old.forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the application (path below the context root). */
    public ConsoleBrowser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Logs in through the login page and waits for the dashboard. */
    public ConsoleBrowser login(String username, String password) {
        open("/login.xhtml");
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        shot("login");
        click(By.id("login:submit"));
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        return this;
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Clicks an element; found again if a Faces ajax refresh replaced it in between. */
    public void click(By by) {
        waitFor(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return null;
            }
            e.click(); // a stale element throws, and the wait tries again
            return Boolean.TRUE;
        });
    }

    /** Clicks something that reloads the page, and waits until the old page is gone. */
    public void clickAndLoad(By by) {
        WebElement html = driver.findElement(By.tagName("html"));
        click(by);
        waitFor(gone(html));
        waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /**
     * Waits until the element has left the page: replaced by a Faces ajax update, or the whole document replaced.
     * Selenium's {@code stalenessOf} expects a stale-element error only; while the old document is being torn down
     * Chrome may instead answer "Node with given id does not belong to the document", which means the same.
     */
    public static Function<WebDriver, Boolean> gone(WebElement element) {
        return d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (replaced(e)) {
                    return true;
                }
                throw e;
            }
        };
    }

    private static boolean replaced(org.openqa.selenium.WebDriverException e) {
        return !(e instanceof org.openqa.selenium.TimeoutException) && e.getMessage() != null
                && e.getMessage().contains("does not belong to the document");
    }

    public void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    public void select(By by, String visibleTextOrValue) {
        Select s = new Select(find(by));
        try {
            s.selectByValue(visibleTextOrValue);
        } catch (org.openqa.selenium.NoSuchElementException e) {
            s.selectByVisibleText(visibleTextOrValue);
        }
    }

    public String text(By by) {
        return find(by).getText();
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(condition, WAIT);
    }

    /**
     * Waits for the condition; on timeout, saves a screenshot and the page source of what the browser shows. An
     * element of a page being replaced (stale, or Chrome's "does not belong to the document") means "not yet": the
     * condition is tried again on the new page.
     */
    public <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (org.openqa.selenium.WebDriverException e) {
                            if (replaced(e)) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            Path file = shot("timeout");
            try {
                Files.writeString(file.resolveSibling(file.getFileName() + ".html"), driver.getPageSource());
            } catch (IOException ignored) {
                // the screenshot is there
            }
            throw e;
        }
    }

    /** Saves a screenshot of the page as it is now: {@code NN-name.png}. */
    public Path shot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Waits for a finished download with this name (Chromium writes .crdownload first). */
    public Path download(String name) {
        Path file = downloads.resolve(name);
        waitFor(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    public Path screenshots() {
        return screenshots;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
