// Drives the chat-gateway's web page in headless Chromium like a person would: sign up, import an export (watching
// the progress bar), chat, dislike and ban a track and see the next answer change, make a playlist from a prompt,
// open the insights and check that the charts are drawn. Saves a screenshot of each step. Exits non-zero on the first
// expectation that fails, saying which.
//
// Environment: GATEWAY_URL, CHROMIUM (the browser binary), EXPORT_FILE (a Spotify StreamingHistory JSON file),
// SCREENSHOTS (a folder).
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = required("GATEWAY_URL");
const screenshots = required("SCREENSHOTS");
const exportFile = required("EXPORT_FILE");
const executablePath = required("CHROMIUM");
const WAIT = 30_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function expect(condition, message) {
  if (!condition) throw new Error(`expected ${message}`);
  console.log(`ok: ${message}`);
}

mkdirSync(screenshots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "spotifymate-browser-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(WAIT);
const errors = [];
page.on("pageerror", (error) => errors.push(error.message));
const shot = (name) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

async function chat(message) {
  const before = await page.locator(".message.assistant").count();
  await page.getByLabel("Message", { exact: true }).fill(message);
  await page.getByRole("button", { name: "Send" }).click();
  const reply = page.locator(".message.assistant").nth(before);
  await reply.locator(".engine").waitFor();
  return reply;
}

async function trackIds(reply) {
  return reply.locator(".track").evaluateAll((cards) => cards.map((c) => c.dataset.trackId));
}

try {
  // Sign up.
  await page.goto(base);
  const user = `browser-${Date.now().toString(36)}`;
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password").fill("a browser test password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText(`Signed in as ${user}`).waitFor();
  expect(await page.getByRole("navigation", { name: "Sections" }).isVisible(), "the sections after signing up");
  await shot("1-signed-in");

  // Import a small export, with its progress bar.
  await page.getByRole("link", { name: "Import" }).click();
  await page.locator("#import-file").setInputFiles(exportFile);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.locator("#import-bar").waitFor({ state: "visible" });
  expect(await page.locator("#import-bar").isVisible(), "a visible progress bar while importing");
  await page.getByText(/^Done: \d+ plays accepted/).waitFor();
  const summary = await page.locator("#import-summary").textContent();
  expect(/Done: [1-9]\d* plays accepted/.test(summary), `accepted plays in the summary (${summary})`);
  expect(/[1-9]\d* of [1-9][\d,]* plays have a Spotify track/.test(summary), `how the plays matched (${summary})`);
  expect(await page.locator("#import-bar").getAttribute("value") === "1", "a full progress bar at the end");
  await shot("2-imported");

  // Chat: an answer with track cards.
  await page.getByRole("link", { name: "Chat" }).click();
  const first = await chat("recommend me something");
  const firstIds = await trackIds(first);
  expect(firstIds.length >= 2, `track cards in the answer (${firstIds.length})`);
  await shot("3-chat");

  // Dislike the first: the next answer does not have it.
  const disliked = firstIds[0];
  await first.locator(".track").first().locator(".feedback-dislike").click();
  await first.locator(".track").first().getByText(/^Disliked/).waitFor();
  const second = await chat("recommend me something");
  const secondIds = await trackIds(second);
  expect(secondIds.length > 0 && !secondIds.includes(disliked), `the disliked ${disliked} gone from the next answer`);

  // Ban the first of that answer: gone from the one after.
  const banned = secondIds[0];
  await second.locator(".track").first().locator(".feedback-ban").click();
  await second.locator(".track").first().getByText("Banned").waitFor();
  const third = await chat("recommend me something");
  const thirdIds = await trackIds(third);
  expect(thirdIds.length > 0 && !thirdIds.includes(banned), `the banned ${banned} gone from the next answer`);
  await shot("4-feedback");

  // A playlist from a prompt.
  await page.getByRole("link", { name: "Playlists" }).click();
  await page.getByLabel("Describe a playlist").fill("a playlist of 8 tracks");
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator("#playlist-detail h3").waitFor();
  const tracks = await page.locator("#playlist-detail .tracklist li").count();
  expect(tracks > 0, `tracks in the new playlist (${tracks})`);
  expect(await page.locator("#playlist-list li").count() > 0, "the playlist in the list");
  await shot("5-playlist");

  // Insights: the charts are drawn.
  await page.getByRole("link", { name: "Insights" }).click();
  await page.locator("#chart-hours svg rect").first().waitFor({ state: "attached" });
  expect(await page.locator("#chart-hours svg rect").count() === 24, "24 bars of listening by hour");
  const drawn = await page.locator("#chart-hours svg rect").evaluateAll(
    (bars) => bars.filter((bar) => Number(bar.getAttribute("height")) > 0).length);
  expect(drawn > 1, `bars with height for the hours the imported plays were at (${drawn})`);
  expect(await page.locator("#chart-weekdays svg rect").count() === 7, "7 bars of listening by weekday");
  expect(await page.locator("#chart-artists svg rect").count() > 0, "bars of top artists");
  expect(await page.locator("#chart-months svg polyline").count() === 1, "a line of plays per month");
  expect(await page.locator("#chart-mood svg polyline").count() === 2, "lines of valence and energy");
  const falling = await page.locator("#chart-mood svg polyline").first().getAttribute("points");
  const ys = falling.split(" ").map((point) => Number(point.split(",")[1]));
  expect(ys.length >= 3 && ys[ys.length - 1] > ys[0], `valence falling over the months as imported (${falling})`);
  await shot("6-insights");

  // A phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Chat" }).click();
  await shot("7-phone");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(!overflow, "no sideways scrolling on a phone-sized screen");

  expect(errors.length === 0, `no script errors on the page (${errors.join("; ")})`);
  console.log("browser test passed");
} catch (error) {
  await shot("failure").catch(() => {});
  console.error(`browser test failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
