// Browser tests of the web application (issue 16), run by ctest: a temporary store with the demo
// agency and one user per role, `regelwerk serve` on a free loopback port, Debian's chromium driven
// headless by puppeteer-core, every main page checked by axe-core (no serious or critical
// violations). Screenshots go to RW_OUT. Exit code 0 only when every step passed.
//   RW_CLI=build/bin/regelwerk RW_SRC=. RW_OUT=build/screenshots node browser.test.mjs
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const cli = process.env.RW_CLI, src = process.env.RW_SRC, out = process.env.RW_OUT ?? 'screenshots';
const chromium = process.env.RW_CHROMIUM ?? '/usr/bin/chromium';
if (!cli || !src) throw new Error('set RW_CLI and RW_SRC');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'rw-browser-'));
const db = join(work, 'browser.db');
const password = 'een lang genoeg wachtwoord';

execFileSync(cli, ['import', '--db', db, join(src, 'casebase/demo/flexwerk-zuid.yaml')], { stdio: 'ignore' });
for (const [name, role] of [['anna', 'intercedent'], ['carla', 'compliance'], ['tom', 'trainer'], ['ad', 'admin']])
  execFileSync(cli, ['user', 'add', '--db', db, '--name', name, '--role', role], { input: password + '\n', stdio: ['pipe', 'ignore', 'inherit'] });

const server = spawn(cli, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--at', '2026-11-16'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (d) => {
    text += d;
    const m = text.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  setTimeout(() => reject(new Error('serve did not start within 20 s')), 20000);
});

let failures = 0;
const results = [];
async function step(name, fn) {
  try {
    await fn();
    results.push(`ok   ${name}`);
  } catch (e) {
    failures++;
    results.push(`FAIL ${name}: ${e.message}`);
  }
}
function expect(cond, what) {
  if (!cond) throw new Error(what);
}

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });

async function newSession() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return { context, page };
}
async function login(page, name) {
  await page.goto(`${base}/aanmelden`);
  await page.type('#name', name);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}
async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  results.push(`     axe ${label}: ${r.violations.length} violation(s), ${bad.length} serious or critical`);
  expect(bad.length === 0, `axe on ${label}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s)`).join('; ')}`);
}
async function shot(page, file) {
  await page.screenshot({ path: join(out, file), fullPage: true });
}

let cardUrl = '';
await step('the login page is accessible', async () => {
  const { context, page } = await newSession();
  await page.goto(`${base}/aanmelden`);
  await shot(page, 'aanmelden.png');
  await axe(page, '/aanmelden');
  await context.close();
});

await step('an intercedent logs in, opens a worker card and sees the phase and an action', async () => {
  const { context, page } = await newSession();
  await login(page, 'anna');
  expect(page.url().endsWith('/signalen'), `landed on ${page.url()}`);
  await shot(page, 'signalen.png');
  await axe(page, '/signalen');
  const link = await page.$('xpath/.//a[normalize-space(text())="Rami Haddad"]');
  expect(link, 'no link to Rami Haddad on the signals page');
  await Promise.all([page.waitForNavigation(), link.click()]);
  cardUrl = page.url();
  expect(/\/werker\/[0-9a-f]{24}$/.test(cardUrl), `card address ${cardUrl} is not opaque`);
  const text = await page.evaluate(() => document.body.innerText);
  expect(/Fase\s*\n?\s*Fase A/i.test(text) || text.includes('Fase'), 'no phase on the card');
  expect(text.includes('Plan van aanpak'), 'no Plan van aanpak action on the card');
  await shot(page, 'werker.png');
  await axe(page, 'worker card');
  await page.goto(`${base}/werkers`);
  await page.type('#q', 'Kovalenko');
  await Promise.all([page.waitForNavigation(), page.click('form[role=search] button')]);
  expect(!page.url().includes('Kovalenko'), 'the search put a name in the URL');
  expect((await page.content()).includes('Olena Kovalenko'), 'search found no Olena Kovalenko');
  await shot(page, 'werkers.png');
  await axe(page, '/werkers');
  await context.close();
});

await step('an intercedent records a guidance task from the timeline', async () => {
  const { context, page } = await newSession();
  await login(page, 'anna');
  await page.goto(`${base}/werkers`);
  await page.type('#q', 'W1025');
  await Promise.all([page.waitForNavigation(), page.click('form[role=search] button')]);
  const worker = await page.$('xpath/.//a[normalize-space(text())="Olena Kovalenko"]');
  expect(worker, 'no Olena Kovalenko in the search result');
  await Promise.all([page.waitForNavigation(), worker.click()]);
  const guidance = await page.$('xpath/.//a[contains(text(), "Begeleiding")]');
  expect(guidance, 'no link to the guidance timeline on the card');
  await Promise.all([page.waitForNavigation(), guidance.click()]);
  let text = await page.evaluate(() => document.body.innerText);
  expect(text.includes('Derde evaluatie') && text.includes('NIET GEDAAN'), 'the timeline does not show the missed third evaluation');
  await axe(page, 'guidance timeline');
  await page.select('#task', 'begeleiding.evaluatie_3');
  await page.select('#placement', 'W1025-P1');
  await page.type('#how', 'telefoon');
  await page.type('#note', 'alsnog gedaan');
  await Promise.all([page.waitForNavigation(), page.click('form[method=post] button[type=submit]:not(.link)')]);
  text = await page.evaluate(() => document.body.innerText);
  expect(text.includes('Vastgelegd.'), 'no confirmation after recording');
  expect(text.includes('alsnog gedaan'), 'the evidence (note) is not on the timeline');
  await shot(page, 'begeleiding.png');
  await context.close();
});

await step('an intercedent runs a match and proposes a candidate', async () => {
  const { context, page } = await newSession();
  await login(page, 'anna');
  const nav = await page.$('xpath/.//nav//a[normalize-space(text())="Matching"]');
  expect(nav, 'no Matching in the navigation');
  await Promise.all([page.waitForNavigation(), nav.click()]);
  await axe(page, '/matching');
  const vacancy = await page.$('xpath/.//a[normalize-space(text())="V101"]');
  expect(vacancy, 'no vacancy V101 on the matching page');
  await Promise.all([page.waitForNavigation(), vacancy.click()]);
  let text = await page.evaluate(() => document.body.innerText);
  expect(text.includes('Plaatsbaar') && text.includes('Geblokkeerd'), 'no eligible and blocked sections');
  expect(text.includes('punten'), 'no score with points');
  await shot(page, 'matching.png');
  await axe(page, 'match V101');
  // The first eligible candidate's form: propose, with a reason.
  const form = await page.$('section[aria-labelledby=plaatsbaar] form.decision');
  expect(form, 'no decision form for an eligible candidate');
  const select = await form.$('select');
  const selectId = await select.evaluate((e) => e.id);
  await page.select(`#${selectId}`, 'voorstellen');
  const reason = await form.$('input[name=reden]');
  await reason.type('VCA geldig, dichtbij');
  await Promise.all([page.waitForNavigation(), form.$eval('button[type=submit]', (b) => b.click())]);
  text = await page.evaluate(() => document.body.innerText);
  expect(text.includes('Besluit vastgelegd'), 'no confirmation after the decision');
  expect(text.includes('voorgesteld') && text.includes('VCA geldig, dichtbij'), 'the decision and its reason are not shown');
  await context.close();
});

await step('a trainer who opens a worker card gets 403', async () => {
  const { context, page } = await newSession();
  await login(page, 'tom');
  const r = await page.goto(cardUrl);
  expect(r.status() === 403, `status ${r.status()}`);
  expect((await page.content()).includes('Geen toegang'), 'no explanation on the 403 page');
  await shot(page, 'trainer-403.png');
  await axe(page, '403 page');
  await page.goto(`${base}/examen`);
  await axe(page, '/examen');
  await page.$eval('#aantal', (e) => { e.value = '6'; });
  await Promise.all([page.waitForNavigation(), page.click('form[action="/examen/toets"] button[type=submit]')]);
  const exam = await page.evaluate(() => document.body.innerText);
  expect(!exam.includes('Rami Haddad') && !exam.includes('W1022'), 'the exam shows personal data from the store');
  expect(/Vraag 6|6\./.test(exam), 'no sixth question in the exam');
  await shot(page, 'examen.png');
  await context.close();
});

await step('the compliance officer opens the audit', async () => {
  const { context, page } = await newSession();
  await login(page, 'carla');
  await page.goto(`${base}/audit`);
  await axe(page, '/audit');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/audit/rapport"] button')]);
  expect((await page.content()).includes('Nalevingscontrole'), 'no audit report');
  await shot(page, 'audit.png');
  await context.close();
});

await step('the admin sees users and the access log (with the views above)', async () => {
  const { context, page } = await newSession();
  await login(page, 'ad');
  expect(page.url().endsWith('/beheer/gebruikers'), `landed on ${page.url()}`);
  await axe(page, '/beheer/gebruikers');
  await shot(page, 'gebruikers.png');
  await page.goto(`${base}/beheer/inzage`);
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.includes('werker.bekeken') && text.includes('W1022'), 'the card view is not in the access log');
  await axe(page, '/beheer/inzage');
  await shot(page, 'inzage.png');
  await context.close();
});

await browser.close();
server.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });
console.log(results.join('\n'));
console.log(failures ? `${failures} step(s) failed` : `all steps passed; screenshots in ${out}`);
process.exit(failures ? 1 : 0);
