/*
 * Copyright 2026 the original authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.deepseekstarter.samples.tenants;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.deepseekstarter.test.spring.AutoConfigureDeepSeekEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (the system's headless Chromium) while the load profile
 * runs: the lanes render with their limits, and their numbers change as the queues form
 * and DeepSeek's 429s arrive. Skipped where Chromium is not installed, unless
 * {@code DEEPSEEK_BROWSER_TESTS=required}.
 */
@ExtendWith(ChromiumCondition.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureDeepSeekEmulator
@ActiveProfiles("load")
class DashboardBrowserTests {

	private static final String LANES = "return Array.from(document.querySelectorAll('#lanes tbody tr')).map("
			+ "(row) => Object.fromEntries(Array.from(row.cells).map((cell) => [cell.className.split(' ')[0], "
			+ "cell.textContent])))";

	private static final String CHARTS = "return Object.fromEntries(Array.from(document.querySelectorAll('svg.chart')).map("
			+ "(svg) => [svg.id, { peak: Number(svg.getAttribute('data-peak')), lines: Object.fromEntries("
			+ "Array.from(svg.querySelectorAll('polyline')).map((line) => [line.getAttribute('data-lane'), "
			+ "line.getAttribute('points')]))}]))";

	private static final String COSTS = "return document.querySelectorAll('#costs tbody tr').length";

	private static final String TENANTS = "return document.querySelectorAll('#tenants tbody tr').length";

	@LocalServerPort
	int port;

	@TempDir
	Path profile;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		Path chromium = ChromiumCondition.requireBrowser();
		Path chromedriver = ChromiumCondition.requireDriver();
		// Explicit paths: Selenium Manager is never asked to find or download anything.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile);
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void lanesRenderAndTheirNumbersMoveUnderLoad() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		Set<Map<String, String>> flashStates = new HashSet<>();
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Map<String, String> flash = lane("deepseek-v4-flash");
			assertThat(flash).containsEntry("configured", "12");
			assertThat(lane("deepseek-v4-pro")).containsEntry("configured", "6");
			flashStates.add(flash);
			assertThat(flashStates).as("distinct states of the flash lane").hasSizeGreaterThanOrEqualTo(3);
			assertThat(flashStates).as("a flash state with requests queued")
				.anySatisfy((state) -> assertThat(Integer.parseInt(state.get("queued"))).isPositive());
			assertThat(Double.parseDouble(flash.get("server-429"))).as("429s DeepSeek answered").isPositive();
			assertThat(Integer.parseInt(flash.get("effective"))).as("effective limit after the 429s").isLessThan(12);
			assertThat((Long) script(TENANTS)).as("busiest tenants shown").isGreaterThanOrEqualTo(2);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void chartsDrawEveryLaneAndMoveWhileTheLoadRuns() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		Set<String> flashInUseLines = new HashSet<>();
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, Map<String, Object>> charts = (Map<String, Map<String, Object>>) script(CHARTS);
			assertThat(charts).containsOnlyKeys("chart-in-use", "chart-queued", "chart-server-429");
			charts.values()
				.forEach((chart) -> assertThat((Map<String, String>) chart.get("lines"))
					.containsKeys("deepseek-v4-flash", "deepseek-v4-pro", "default"));
			String flash = ((Map<String, String>) charts.get("chart-in-use").get("lines")).get("deepseek-v4-flash");
			flashInUseLines.add(flash);
			assertThat(flash.split(" ")).as("samples drawn for the flash lane").hasSizeGreaterThanOrEqualTo(3);
			assertThat(flashInUseLines).as("distinct drawings of the flash lane").hasSizeGreaterThanOrEqualTo(3);
			assertThat(((Number) charts.get("chart-in-use").get("peak")).doubleValue()).isPositive();
			assertThat(((Number) charts.get("chart-queued").get("peak")).doubleValue()).isPositive();
			assertThat(((Number) charts.get("chart-server-429").get("peak")).doubleValue()).isPositive();
			assertThat((Long) script(COSTS)).as("tenants by cost shown").isPositive();
		});
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> lane(String model) {
		List<Map<String, String>> lanes = (List<Map<String, String>>) script(LANES);
		return lanes.stream()
			.filter((lane) -> model.equals(lane.get("model")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + model + " in " + lanes));
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

}
