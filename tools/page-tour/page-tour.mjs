// Page tour: every page as each role, at 1280 and 360 px, light and dark, en/de/ru, against a running app
// started with the demo profile. Writes screenshots and a report of what a user would trip on:
// sideways scrolling of the page or of a grid, text cut by an ellipsis or overflow, raw codes, untranslated keys.
// usage: node page-tour.mjs http://localhost:8080 OUTDIR [roles=anonymous,participant,...] [widths=1280,360]
//        [langs=en,de,ru] [themes=light,dark] [only=regex of paths]
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'tour';
const opt = Object.fromEntries(process.argv.slice(4).map(a => a.split('=')));
const roles = (opt.roles ?? 'anonymous,participant,facilitator,analyst,organiser').split(',');
const widths = (opt.widths ?? '1280,360').split(',').map(Number);
const langs = (opt.langs ?? 'en,de,ru').split(',');
const themes = (opt.themes ?? 'light,dark').split(',');
const only = opt.only ? new RegExp(opt.only) : null;
const PASSWORD = 'demo-platform-2026';
fs.mkdirSync(out, { recursive: true });

const pagesOf = {
  anonymous: ['', 'editions/{edition}', 'editions/{edition}/programme', 'login', 'signup', 'privacy', 'reset-password', 's/{surveyKey}'],
  participant: ['', 'my/registrations', 'my/groups', 'my/programme', 'my/data', 'account', 'editions/{edition}',
    'editions/{edition}/register', 'editions/{edition}/programme', 'my/programme/choose/{slot}', 'editions/{edition}/visa-letter'],
  facilitator: ['', 'my/groups', 'editions/{groupEdition}/groups/{group}', 'account'],
  analyst: ['surveys', 'surveys/{survey}/edit', 'surveys/{survey}/results', 'surveys/{survey}/preview', 'surveys/{survey}/translations', 'surveys/{survey}/invitations'],
  organiser: ['dashboard', 'admin/choosing/{slot}', 'editions/{edition}/check-in', 'editions/{edition}/sign-in-sheet', 'admin/editions', 'admin/editions/{edition}/programme', 'admin/editions/{edition}/registrations', 'admin/editions/{edition}/groups', 'admin/editions/{edition}/visa-letters',
    'admin/editions/{edition}/messages', 'admin/editions/{edition}/invitations',
    'editions/{edition}/report', 'admin/accounts', 'admin/audit', 'admin/outbox', 'admin/organisations',
    'admin/privacy', 'surveys', 'editions/{groupEdition}/groups/{group}'],
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const report = [];

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => window.Vaadin?.Flow?.clients &&
      Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()), null, { timeout: 30000 })
    .catch(() => {});
  await page.waitForTimeout(300);
}

async function signIn(page, role) {
  await page.goto(`${base}/login`);
  await settle(page);
  await page.fill('input[name=username]', `${role}@demo.ngo-platform.local`);
  await page.fill('input[name=password]', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(u => !u.toString().includes('/login'), { timeout: 30000 });
  await settle(page);
}

// ids from the demo data: the first edition, group, workshop slot with choosing, survey and public survey key linked from the pages
async function discover(page) {
  const ids = {};
  const hrefs = async path => { await page.goto(`${base}/${path}`); await settle(page);
    return page.$$eval('a[href]', as => as.map(a => a.getAttribute('href'))); };
  for (const h of await hrefs('admin/editions')) {
    const m = h.match(/editions\/(\d+)/); if (m && !ids.edition) ids.edition = m[1];
  }
  const editions = [...new Set((await hrefs('admin/editions')).map(h => h.match(/editions\/(\d+)/)?.[1]).filter(Boolean))];
  for (const e of editions) {
    for (const path of [`editions/${e}`, `admin/editions/${e}/groups`, `editions/${e}/report`]) {
      for (const h of await hrefs(path)) {
        const m = h.match(/editions\/(\d+)\/groups\/(\d+)/);
        if (m && !ids.group) { ids.group = m[2]; ids.groupEdition = m[1]; }
      }
    }
  }
  for (const h of await hrefs('dashboard')) {
    const m = h.match(/admin\/choosing\/(\d+)/); if (m && !ids.slot) ids.slot = m[1];
  }
  await page.goto(`${base}/surveys`); await settle(page);
  const edit = page.locator('vaadin-button').filter({ hasText: 'Edit' }).first();
  if (await edit.count()) { await edit.click(); await page.waitForURL(/surveys\/\d+/, { timeout: 15000 }).catch(() => {});
    ids.survey = page.url().match(/surveys\/(\d+)/)?.[1]; }
  if (ids.survey) { await page.goto(`${base}/surveys/${ids.survey}/edit`); await settle(page);
    ids.surveyKey = (await page.locator('#survey-public-link').getAttribute('href').catch(() => null))?.match(/s\/([^/?#]+)/)?.[1]; }
  return ids;
}

// what a user would trip on, measured in the page (light DOM and open shadow roots)
function inspect() {
  const found = { sideways: document.documentElement.scrollWidth > window.innerWidth + 1
      ? `${document.documentElement.scrollWidth}px > ${window.innerWidth}px` : null, cut: [], codes: [], keys: [] };
  const walk = root => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const cs = getComputedStyle(el);
      if (el.getClientRects().length === 0) continue;
      // a slot shows the text of what is assigned to it (the menu's labels): cut there, it is cut for the reader
      // (and a part that holds only a slot, as a field's label part does, shows the slot's text)
      const slots = [...el.children].filter(c => c.tagName === 'SLOT');
      const shown = el.tagName === 'SLOT' ? el.assignedNodes({ flatten: true })
          : [...el.childNodes].filter(n => n.nodeType === 3).concat(slots.flatMap(s => s.assignedNodes({ flatten: true })));
      const own = shown.map(n => n.textContent.trim()).join(' ').trim();
      if (own && el.scrollWidth > el.clientWidth + 1 && (cs.textOverflow === 'ellipsis' || cs.overflow === 'hidden'
          || cs.overflowX === 'hidden')) found.cut.push(own.slice(0, 60));
      if (own && /\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b/.test(own)) found.codes.push(own.slice(0, 60));
      if (own && /^!?[a-z]+(\.[a-z0-9-]+){2,}$/.test(own)) found.keys.push(own);
    }
    for (const input of root.querySelectorAll('input')) {
      if (input.value && input.getClientRects().length > 0 && input.scrollWidth > input.clientWidth + 1) found.cut.push('input: ' + input.value);
      if (input.value && /\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b/.test(input.value)) found.codes.push('input: ' + input.value);
    }
  };
  walk(document);
  // a grid whose columns are wider than the grid scrolls sideways inside itself, which the page's width does not show
  for (const grid of document.querySelectorAll('vaadin-grid')) {
    const table = grid.$?.table;
    if (grid.getClientRects().length > 0 && table && table.scrollWidth > table.clientWidth + 1) {
      found.sideways = [found.sideways, `grid ${grid.id || ''} ${table.scrollWidth}px > ${table.clientWidth}px`].filter(Boolean).join(', ');
    }
  }
  found.cut = [...new Set(found.cut)]; found.codes = [...new Set(found.codes)]; found.keys = [...new Set(found.keys)];
  return found;
}

const discovery = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' });
const discoveryPage = await discovery.newPage();
await signIn(discoveryPage, 'organiser');
const ids = await discover(discoveryPage);
console.log('ids', ids);
await discovery.close();
for (const role of roles) {
  for (const lang of langs) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang,
        extraHTTPHeaders: { 'Accept-Language': lang } });
      const page = await context.newPage();
      if (role !== 'anonymous') await signIn(page, role);
      for (const theme of themes) {
        for (const template of pagesOf[role]) {
          const path = template.replace(/\{(\w+)\}/g, (_, k) => ids[k] ?? 'missing');
          if (only && !only.test(path)) continue;
          await page.goto(`${base}/${path}`);
          await settle(page);
          if (theme === 'dark' && !(await page.evaluate(() => document.documentElement.getAttribute('theme') ?? '')).includes('dark')) {
            const toggle = await page.$('#theme-toggle');
            if (toggle) { await toggle.click(); await settle(page); }
          }
          if (theme === 'light' && (await page.evaluate(() => document.documentElement.getAttribute('theme') ?? '')).includes('dark')) {
            const toggle = await page.$('#theme-toggle');
            if (toggle) { await toggle.click(); await settle(page); }
          }
          const name = `${role}-${(path || 'home').replace(/[^a-z0-9]+/gi, '_')}-${width}-${theme}-${lang}`;
          await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
          const found = await page.evaluate(inspect);
          const problems = [found.sideways && `sideways ${found.sideways}`, found.cut.length && `cut: ${found.cut.join(' | ')}`,
            found.codes.length && `codes: ${found.codes.join(' | ')}`, found.keys.length && `keys: ${found.keys.join(' | ')}`]
            .filter(Boolean);
          report.push({ name, url: page.url(), problems });
          console.log(name, problems.length ? problems.join(' ;; ') : 'ok');
        }
      }
      await context.close();
    }
  }
}
fs.writeFileSync(`${out}/report.json`, JSON.stringify(report, null, 1));
await browser.close();
