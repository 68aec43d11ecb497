// Drives the real widget in headless Chromium against the running stack.
// Run by tests/conversations/test_widget.py (which starts the stack).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const BASE = process.env.WAYFINDER_WEB_URL || "http://localhost:8080";
const SHOT = process.env.WAYFINDER_SCREENSHOT || "docs/widget-arabic.png";

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

async function botCount(page) {
  return page.locator(".wf-bot").count();
}

async function waitForBot(page, before, predicate = () => true, timeout = 30000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const texts = await page.locator(".wf-bot").allInnerTexts();
    if (texts.length > before && texts.slice(before).some(predicate)) return texts.slice(before);
    await page.waitForTimeout(200);
  }
  throw new Error("no bot reply in time");
}

test("Arabic, right to left, an answer with sources, a button, history after reload", async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(BASE + "/");
    await page.waitForSelector(".wf");

    let before = await botCount(page);
    await page.selectOption("#wf-lang", "ar");
    assert.equal(await page.getAttribute(".wf", "dir"), "rtl");
    assert.equal(await page.getAttribute(".wf", "lang"), "ar");
    await waitForBot(page, before, (t) => /[\u0600-\u06FF]/.test(t));

    before = await botCount(page);
    await page.fill("#wf-input", "كيف أجد سكن في ألمانيا؟");
    await page.keyboard.press("Enter");
    const replies = await waitForBot(page, before, (t) => t.includes("https://"));
    const answer = replies.find((t) => t.includes("https://"));
    assert.match(answer, /[\u0600-\u06FF]/, "answer is in Arabic");

    // links open in a new tab, safely
    const link = page.locator(".wf-bot a").last();
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.match(await link.getAttribute("rel"), /noopener/);

    // right to left: bot bubbles sit on the right, the user's on the left
    const log = await page.locator(".wf-log").boundingBox();
    const bot = await page.locator(".wf-bot").last().boundingBox();
    const user = await page.locator(".wf-user").last().boundingBox();
    assert.ok(bot.x + bot.width > log.x + log.width - 40, "bot bubble on the right");
    assert.ok(user.x < log.x + 40, "user bubble on the left");

    // buttons are real buttons; clicking one sends it
    await page.waitForSelector(".wf-bot .wf-button");
    await page.screenshot({ path: SHOT, fullPage: true });
    before = await botCount(page);
    const button = page.locator(".wf-bot .wf-button").last();
    const title = await button.innerText();
    await button.click();
    assert.equal(await page.locator(".wf-user").last().innerText(), title);
    await waitForBot(page, before);

    // nothing a user types becomes HTML
    await page.fill("#wf-input", "<img src=x onerror=window.__pwned=1>");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".wf-log img").count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // the conversation survives a reload
    const shown = await page.locator(".wf-msg").count();
    await page.reload();
    await page.waitForSelector(".wf-msg");
    assert.ok((await page.locator(".wf-msg").count()) >= shown, "history kept");
    assert.equal(await page.getAttribute(".wf", "dir"), "rtl");
    before = await botCount(page);
    await page.fill("#wf-input", "شكرا");
    await page.keyboard.press("Enter");
    await waitForBot(page, before);
    assert.deepEqual(errors.filter((e) => !e.includes("favicon")), []);
  } finally {
    await browser.close();
  }
});

test("keyboard only, live region, 320 px wide", async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(BASE + "/");
    await page.waitForSelector(".wf");
    assert.equal(await page.getAttribute(".wf-log", "role"), "log");
    assert.equal(await page.getAttribute(".wf-log", "aria-live"), "polite");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (${overflow}px)`);
    await page.focus("#wf-input");
    const before = await botCount(page);
    await page.keyboard.type("hello");
    await page.keyboard.press("Enter");
    await waitForBot(page, before);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
    assert.ok(["BUTTON", "DIV", "SELECT", "A"].includes(focused), `focus moves by keyboard (${focused})`);
  } finally {
    await browser.close();
  }
});

test("a message typed before the connection is up is sent once, after the session is confirmed", async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
    const page = await context.newPage();
    // hold back the socket.io client, as on a slow or broken network
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route("**/vendor/socket.io.min.js", async (route) => { await held; await route.continue(); });
    await page.goto(BASE + "/", { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".wf");
    await page.fill("#wf-input", "how do i find a flat in germany");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(1000);
    assert.equal(await botCount(page), 0, "nothing can arrive while offline");
    release();
    const replies = await waitForBot(page, 0, (t) => t.includes("https://"));
    assert.ok(replies.length >= 1);
    await page.waitForTimeout(2000);
    const users = await page.locator(".wf-user").allInnerTexts();
    assert.deepEqual(users, ["how do i find a flat in germany"], "sent once, shown once");
    const answers = (await page.locator(".wf-bot").allInnerTexts()).filter((t) => t.includes("https://"));
    assert.equal(answers.length, 1, "one answer, not duplicated");
  } finally {
    await browser.close();
  }
});

test("a reply sent while the page was gone is recovered, not lost and not doubled", async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
    const first = await context.newPage();
    await first.goto(BASE + "/");
    await first.waitForSelector('.wf[data-online="true"]');
    await first.fill("#wf-input", "comment trouver un logement en france");
    await first.keyboard.press("Enter");
    await first.waitForTimeout(50);
    await first.close(); // the network is gone before the reply comes back
    await new Promise((r) => setTimeout(r, 4000));
    const second = await context.newPage();
    await second.goto(BASE + "/");
    await second.waitForSelector('.wf[data-online="true"]');
    const replies = await waitForBot(second, 0, (t) => t.includes("https://"));
    assert.ok(replies.some((t) => t.includes("https://")), "the missed answer is shown");
    await second.waitForTimeout(1500);
    const answers = (await second.locator(".wf-bot").allInnerTexts()).filter((t) => t.includes("https://"));
    assert.equal(answers.length, 1, "shown once");
    assert.deepEqual(await second.locator(".wf-user").allInnerTexts(), ["comment trouver un logement en france"]);
  } finally {
    await browser.close();
  }
});
