// ce-roadmap: the drop-in loader. One <script type="module" src=".../ce-roadmap.js">
// and a <ce-roadmap> element or a <div data-ce-roadmap> placeholder; see EMBEDDING.md.
// Defines the custom element and one namespaced object, globalThis.CeRoadmap; nothing else.

const CSS = "__CE_ROADMAP_CSS__"; // the widget's stylesheet, inlined by scripts/build
const TAG = "ce-roadmap";
// The attributes a host can set, as [attribute, option, 1 for on/off flags]: filled at build
// from crates/web/options.json, the one table of embed options (scripts/options.mjs).
const OPTIONS = "__CE_ROADMAP_OPTIONS__";
const ATTRS = OPTIONS.map(([attr]) => attr);
const MAX_PROFILE = 1_000_000;

// The first screens, rendered at build time by the widget's own components
// (scripts/build runs `prerender`), as { screens: { "mode|lang|route|fy": html or "=key" },
// savedAnswersKey }:
// shown the moment an element connects, before the wasm has arrived.
const FIRST = "__CE_ROADMAP_FIRST__";

// The wasm download starts now, beside the glue's, not after it: one round trip
// less before the live widget on a mobile network. Nothing waits for it until a
// widget mounts, so the elements are defined (and their first screens shown) first.
const wasm = fetch(new URL("./ce_roadmap_wasm_bg.wasm", import.meta.url));
wasm.catch(() => {}); // a failure surfaces through `ready`, not as an unhandled rejection
const ready = import("./ce_roadmap_wasm.js").then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  glue.setCrashHandler(crash);
  return glue;
}).catch((e) => {
  const err = fail(`could not load the widget's module (ce_roadmap_wasm_bg.wasm): ${e.message ?? e}`);
  err.unavailable = true; // the elements show the host's own fallback content
  throw err;
});
ready.catch(() => {}); // surfaces where a widget mounts or the API is called

/**
 * One of our wasm modules fetched the first time it is needed (`load()`), then kept. A
 * failed download is tried again at the next call; `forget()` drops an instance that a
 * trap left unusable, so the next call starts a fresh one.
 */
function onDemand(name) {
  let loading = null;
  return {
    load() {
      loading ??= (async () => {
        const bin = fetch(new URL(`./${name}_bg.wasm`, import.meta.url));
        bin.catch(() => {});
        const glue = await import(`./${name}.js`);
        await glue.default({ module_or_path: bin });
        return glue;
      })();
      loading.catch(() => { loading = null; });
      return loading;
    },
    forget() { loading = null; },
  };
}
// The rule compiler, a second wasm module: parsing and checking a JSON rule file
// is most of what rule files cost, so it is fetched only the first time a page
// brings one (or calls validateRules). The widget's module reads compiled rules.
const compiler = onDemand("ce_roadmap_compiler");
// The evaluation module, a third: `evaluate()` alone needs a profile read from a
// JavaScript object and a roadmap written back (serde), so that code is fetched the
// first time a page calls it, never by a page that only shows the widget.
const evaluator = onDemand("ce_roadmap_eval");
/** Runs `f` with the compiler; its failures become messages, never a broken widget module. */
async function withCompiler(f) {
  let c;
  try {
    c = await compiler.load();
  } catch (e) {
    return { error: `could not load the rule compiler (ce_roadmap_compiler.js): ${e.message}` };
  }
  try {
    return f(c);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) return { error: e.message ?? String(e) };
    compiler.forget();
    return { error: `the rule compiler stopped: ${e.message}` };
  }
}
const MAGIC = [0x43, 0x45, 0x52, 0x42]; // "CERB": a file from `ce-roadmap compile`
const isCompiled = (b) => b.length >= 4 && MAGIC.every((x, i) => b[i] === x);
/** A rule file's bytes or text → `{ bytes }` (compiled) or `{ error }` (the first problem, with its path). */
async function compile(name, body) {
  if (body instanceof Uint8Array && isCompiled(body)) return { bytes: body };
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  return withCompiler((c) => ({ bytes: c.compileRules(name, text) }));
}
// Compiled rule texts, so an update with the same text is not compiled again (a few).
const compiledTexts = new Map();
function compileText(name, text) {
  if (!compiledTexts.has(text)) {
    if (compiledTexts.size >= 8) compiledTexts.delete(compiledTexts.keys().next().value);
    compiledTexts.set(text, compile(name, text));
  }
  return compiledTexts.get(text);
}

const fail = (message) => new Error(`ce-roadmap: ${message}`);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// A panic (or any trap) leaves the wasm instance unusable for every widget on the
// page. Each one is replaced by an apology and a reload link, and the API refuses
// further calls with a clear error instead of touching the broken instance.
let crashed = null;
const live = new Set(); // shadow roots that hold a widget
const APOLOGY = {
  ja: ["申し訳ありません。内部エラーのため、ロードマップを表示できなくなりました。", "ページを再読み込み"],
  en: ["Sorry: the roadmap stopped because of an internal error.", "Reload the page"],
};
function apologise(root) {
  const host = root.host;
  // The language the widget shows now (the visitor may have toggled it), else the host's.
  const lang = (root.querySelector(".cer-root")?.lang || host.getAttribute("lang") || host.getAttribute("data-lang")
    || document.documentElement.lang || "ja").toLowerCase().startsWith("en") ? "en" : "ja";
  const [text, link] = APOLOGY[lang];
  const box = document.createElement("p");
  box.className = "cer-embed-error cer-crashed";
  box.setAttribute("role", "alert");
  box.lang = lang;
  const a = document.createElement("a");
  a.href = location.href;
  a.textContent = link;
  // A reload keeps the #answers link, so the visitor's answers come back.
  a.addEventListener("click", (e) => { e.preventDefault(); location.reload(); });
  box.append(text, " ", a);
  root.replaceChildren(box);
}
function crash(message) {
  if (crashed) return;
  crashed = String(message);
  console.error(`ce-roadmap stopped: ${crashed}`);
  live.forEach(apologise);
}
/** Calls into the wasm; a trap there (WebAssembly.RuntimeError) means the instance is gone. */
const stopped = () => fail(`stopped after an internal error (${crashed}); reload the page`);
function guard(f) {
  if (crashed) throw stopped();
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      crash(e.message);
      throw stopped();
    }
    throw e;
  }
}
let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const off = (v) => /^(off|false|no|0)$/i.test(String(v).trim());

/** Options from attributes (`lang`) or data attributes (`data-lang`). */
function optionsFrom(read) {
  const o = {};
  for (const [attr, key, flag] of OPTIONS) {
    const v = read(attr) ?? undefined;
    // An empty text is no value; a flag present without one (`<ce-roadmap save>`) is on.
    o[key] = v === undefined ? undefined : flag ? !off(v) : v || undefined;
  }
  return o;
}

// The first screen: a prerendered copy of the widget's first questions, shown while
// the wasm loads. It is used only where it is exactly what the live widget will show
// first: the built-in rules, no `areas`, no answers waiting in the link or saved on
// this device, and for the school forms (their year choices) one of the two fiscal
// years they were rendered for. Anything the visitor chooses on it is replayed on the live widget.
const firstScreens = new WeakMap(); // shadow root → { node, key, changes, lang }
const SCHOOL_MODES = new Set(["prospective", "student"]);

function fiscalYear(asOf) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(asOf ?? "").trim());
  // Today in Japan (UTC+9), as the widget reads it.
  const d = m ? { y: +m[1], mo: +m[2] } : (() => { const t = new Date(Date.now() + 9 * 3600e3); return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1 }; })();
  return d.mo >= 4 ? d.y : d.y - 1;
}
function savedAnswers() {
  try {
    return localStorage.getItem(FIRST.savedAnswersKey) !== null;
  } catch {
    return false; // storage blocked: the widget cannot read any either
  }
}
/** The first screen's key (`mode|lang|route|fy`) for these options, or null where none fits. */
function firstScreenKey(element, o) {
  if (typeof FIRST !== "object" || crashed) return null;
  if (o.rules !== undefined || o.areas !== undefined) return null;
  if (element.querySelector(':scope > script[type="application/json"]')) return null;
  if (/^#(v|%76)/i.test(location.hash)) return null;
  if (o.save !== false && savedAnswers()) return null;
  const mode = (o.mode ?? "").trim() || "choose";
  const lang = /^en/i.test((o.lang ?? "").trim()) ? "en" : "ja";
  const school = SCHOOL_MODES.has(mode);
  // The school forms' year choices centre on the visitor's fiscal year: a screen for it, or none.
  const key = { mode, lang, route: school ? (o.route ?? "").trim() : "", fy: school ? fiscalYear(o.asOf) : "" };
  return screenOf(key) ? key : null;
}
/** A screen's markup; a repeat of another's is stored as "=" and that one's key. */
function screenOf(k) {
  const s = FIRST.screens[`${k.mode}|${k.lang}|${k.route}|${k.fy}`];
  return s?.startsWith("=") ? FIRST.screens[s.slice(1)] : s;
}
const esc = (v) => globalThis.CSS.escape(v); // `CSS` here is the stylesheet text
/** The selector of a control's counterpart in another rendering: by id, by name and value, or by area. */
function keyOf(el) {
  if (!(el instanceof Element)) return null;
  if (el.id) return `#${esc(el.id)}`;
  if (el.name && el.type === "radio") return `input[name="${esc(el.name)}"][value="${esc(el.value)}"]`;
  for (const a of ["data-area", "data-plan-area"]) {
    if (el.hasAttribute(a)) return `[${a}="${esc(el.getAttribute(a))}"]`;
  }
  if (el.classList.contains("cer-lang")) return "button.cer-lang";
  return null;
}
/**
 * Puts the recorded choices on `container`'s controls. `live`: as the visitor's own
 * input (a click, or a change event), so the widget's handlers take them as answers.
 */
function restore(container, changes, live) {
  for (const [k, { checked, value }] of changes) {
    const el = container.querySelector(k);
    if (!el) continue;
    if (el.type === "radio" || el.type === "checkbox") {
      if (el.checked === checked) continue;
      if (live) el.click();
      else el.checked = checked;
    } else if (el.value !== value) {
      el.value = value;
      if (live) el.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}
// Pages that enforce Trusted Types let markup in only through a named policy; ours passes
// only the first screens above, which the build rendered from our own components. A page
// whose `trusted-types` list does not name `ce-roadmap` gets the widget without them.
let htmlPolicy;
function trustedHTML(html) {
  if (htmlPolicy === undefined) {
    try {
      htmlPolicy = globalThis.trustedTypes?.createPolicy("ce-roadmap", { createHTML: (s) => s }) ?? null;
    } catch {
      htmlPolicy = false; // the page does not allow this policy
    }
  }
  if (htmlPolicy === false) throw fail("no Trusted Types policy");
  return htmlPolicy ? htmlPolicy.createHTML(html) : html;
}
function showFirstScreen(element, o) {
  if (element.shadowRoot?.hasChildNodes()) return;
  const key = firstScreenKey(element, o);
  if (!key) return;
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [styleSheet()];
  const node = document.createElement("div");
  node.className = "cer-host";
  try {
    node.innerHTML = trustedHTML(screenOf(key)); // rendered at build time from our own components
  } catch {
    return; // a page that forbids it: the live widget alone, as before
  }
  const state = { node, key, changes: new Map(), lang: key.lang };
  node.addEventListener("change", (e) => {
    const k = keyOf(e.target);
    if (k) state.changes.set(k, { checked: e.target.checked, value: e.target.value });
  });
  // The language switch works at once: the other language's first screen, same choices.
  node.addEventListener("click", (e) => {
    if (!(e.target instanceof Element) || !e.target.closest("button.cer-lang")) return;
    state.lang = state.lang === "ja" ? "en" : "ja";
    node.innerHTML = trustedHTML(screenOf({ ...key, lang: state.lang }));
    restore(node, state.changes, false);
    node.querySelector("button.cer-lang")?.focus();
  });
  root.replaceChildren(node);
  firstScreens.set(root, state);
}
/** The live widget, rendered in `host`, takes the first screen's place with the visitor's choices. */
async function takeOver(root, first, host) {
  // Yew renders in a microtask after mounting; a frame at the latest.
  for (let i = 0; i < 20 && !host.firstElementChild; i++) await null;
  if (!host.firstElementChild) await new Promise((ok) => requestAnimationFrame(ok));
  firstScreens.delete(root);
  const focused = keyOf(root.activeElement);
  restore(host, first.changes, true);
  // The language the visitor switched to there: the live switch, as their own click.
  if (first.lang !== first.key.lang) host.querySelector("button.cer-lang")?.click();
  first.node.remove();
  host.hidden = false;
  if (focused) host.querySelector(focused)?.focus({ preventScroll: true });
}

// Rule files by address, each fetched and compiled once: a JSON file through the
// compiler, a compiled one (`ce-roadmap compile`) as it is.
const rulesCache = new Map();
function fetchRules(url) {
  if (!rulesCache.has(url)) {
    rulesCache.set(url, fetch(url, { credentials: "omit" }).then(
      async (r) => (r.ok ? compile(url, new Uint8Array(await r.arrayBuffer())) : { error: `HTTP ${r.status} for ${url}` }),
      (e) => ({ error: `could not load ${url}: ${e.message}` }),
    ));
  }
  return rulesCache.get(url);
}

/**
 * Turns `rules` (an address), `rulesText` or an inline <script type="application/json">
 * into compiled rules for the wasm (`rulesBytes`), or the problem to show (`rulesError`).
 */
async function resolve(options, element) {
  const out = { ...options };
  delete out.rules;
  delete out.rulesText;
  let r;
  if (typeof options.rulesText === "string") {
    out.rulesName ??= "inline rules";
    r = await compileText(out.rulesName, options.rulesText);
  } else if (options.rules !== undefined && options.rules !== null) {
    if (typeof options.rules !== "string") throw fail("option `rules` must be the address of a rule file");
    const url = new URL(options.rules, document.baseURI).href;
    out.rulesName = url;
    r = await fetchRules(url);
  } else {
    const inline = element && element.querySelector(':scope > script[type="application/json"]');
    if (!inline) return out;
    out.rulesName = "inline rules";
    r = await compileText(out.rulesName, inline.textContent);
  }
  if (r.error) out.rulesError = r.error;
  else out.rulesBytes = r.bytes;
  return out;
}

/**
 * Mounts a widget in `element`'s shadow root. Returns a handle:
 * `update(options)` (merged with the current options) and `destroy()`.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw fail("mount(element, options): element must be a DOM element");
  if (!isObject(options)) throw fail("mount(element, options): options must be an object");
  let current = { ...options };
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [styleSheet()];
  const host = document.createElement("div");
  host.className = "cer-host";
  let widget;
  try {
    const resolved = await resolve(current, element);
    const { mountWidget } = await ready;
    const first = firstScreens.get(root);
    if (first?.node.isConnected) {
      // The live widget renders out of sight beside the first screen, then takes its place.
      host.hidden = true;
      root.append(host);
    } else {
      root.replaceChildren(host);
    }
    widget = guard(() => mountWidget(host, resolved));
    if (first?.node.isConnected) await takeOver(root, first, host);
  } catch (e) {
    // The placeholder's own content shows again (or the apology, after a crash).
    firstScreens.delete(root);
    if (crashed) apologise(root);
    else root.replaceChildren(document.createElement("slot"));
    throw e instanceof Error ? e : fail(String(e));
  }
  live.add(root);
  let destroyed = false;
  return Object.freeze({
    async update(next = {}) {
      if (destroyed) throw fail("update(options): this widget was destroyed");
      if (!isObject(next)) throw fail("update(options): options must be an object");
      const merged = { ...current, ...next };
      const resolved = await resolve(merged, element);
      guard(() => widget.update(resolved));
      current = merged;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      live.delete(root);
      if (!crashed) {
        guard(() => {
          widget.destroy();
          widget.free();
        });
      }
      root.replaceChildren(document.createElement("slot"));
    },
  });
}

/**
 * The roadmap for a profile: the same JSON as `ce-roadmap eval`. Options: `asOf`, `rules`
 * (a rule file object or JSON text, or compiled rules as a Uint8Array). A Promise, as every
 * entry point is: JSON rules wait for the compiler module.
 */
export async function evaluate(profile, options = {}) {
  if (!isObject(profile)) throw fail('evaluate(profile): profile must be an object, e.g. { "stage": "licensed", "licences": ["ce"] }');
  if (!isObject(options)) throw fail("evaluate(profile, options): options must be an object");
  let text;
  try {
    text = JSON.stringify(profile);
  } catch (e) {
    throw fail(`evaluate(profile): the profile cannot be read as JSON: ${e.message}`);
  }
  if (text.length > MAX_PROFILE) throw fail("evaluate(profile): the profile is larger than 1 MB");
  const o = {};
  if (options.asOf !== undefined) o.asOf = String(options.asOf);
  if (options.rules !== undefined && options.rules !== null) {
    const rules = options.rules;
    const r = rules instanceof Uint8Array ? await compile("rules", rules)
      : await compileText("rules", typeof rules === "string" ? rules : JSON.stringify(rules));
    if (r.error) throw fail(`invalid rules: ${r.error}`);
    o.rulesBytes = r.bytes;
  }
  // A plain copy through JSON: the same values the JSON contract allows (NaN becomes
  // null, undefined keys go), handed to the wasm as an object.
  if (crashed) throw stopped();
  let glue;
  try {
    glue = await evaluator.load();
  } catch (e) {
    throw fail(`could not load the evaluation module (ce_roadmap_eval.js): ${e.message ?? e}`);
  }
  try {
    return glue.evaluateProfile(JSON.parse(text), o);
  } catch (e) {
    // A trap leaves only this module's instance unusable: the widgets on the page go
    // on, and the next call loads a fresh instance.
    if (e instanceof WebAssembly.RuntimeError) {
      evaluator.forget();
      throw fail(`the evaluation stopped: ${e.message}`);
    }
    throw e;
  }
}

/** Every error in a rule file (an object or JSON text): `[{ path, line, message }]`, empty when valid. A Promise. */
export async function validateRules(rules) {
  let text = rules;
  if (typeof rules !== "string") {
    if (!isObject(rules)) throw fail("validateRules(rules): rules must be a rule file object or its JSON text");
    try {
      text = JSON.stringify(rules);
    } catch (e) {
      throw fail(`validateRules(rules): the rules cannot be read as JSON: ${e.message}`);
    }
  }
  const r = await withCompiler((c) => ({ json: c.validateRulesJson(text) }));
  if (r.error) throw fail(r.error);
  return JSON.parse(r.json);
}

function showError(element, e) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [styleSheet()];
  const box = document.createElement("p");
  box.className = "cer-embed-error";
  box.setAttribute("role", "alert");
  box.textContent = e && e.message ? e.message : String(e);
  root.replaceChildren(box);
  console.error(e);
}

/** Keeps one widget in step with an element's attributes; serialises its async work. */
class Binding {
  constructor(element, read) {
    this.element = element;
    this.read = read;
    this.handle = null;
    this.queue = Promise.resolve();
  }
  sync() {
    if (!this.handle) showFirstScreen(this.element, optionsFrom(this.read));
    this.queue = this.queue.then(async () => {
      if (!this.element.isConnected) return;
      const options = optionsFrom(this.read);
      try {
        if (this.handle) await this.handle.update(options);
        else this.handle = await mount(this.element, options);
      } catch (e) {
        if (this.handle) {
          this.handle.destroy();
          this.handle = null;
        }
        const root = this.element.shadowRoot ?? this.element.attachShadow({ mode: "open" });
        if (crashed) apologise(root);
        else if (e.unavailable) {
          // Offline or blocked: the host's own content (a link, say) instead of a dead screen.
          root.replaceChildren(document.createElement("slot"));
          console.error(e);
        } else showError(this.element, e);
      }
    });
  }
  stop() {
    this.queue = this.queue.then(() => {
      if (this.element.isConnected) return;
      this.handle?.destroy();
      this.handle = null;
    });
  }
}

class CeRoadmapElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRS;
  }
  #binding = new Binding(this, (name) => this.getAttribute(name));
  connectedCallback() {
    this.#binding.sync();
  }
  attributeChangedCallback() {
    if (this.isConnected) this.#binding.sync();
  }
  disconnectedCallback() {
    this.#binding.stop();
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, CeRoadmapElement);

// Placeholders for CMSs that strip unknown tags: <div data-ce-roadmap data-lang="en">.
const placeholders = new WeakMap();
function attach(el) {
  let b = placeholders.get(el);
  if (!b) {
    b = new Binding(el, (name) => el.getAttribute(`data-${name}`));
    placeholders.set(el, b);
  }
  b.sync();
}
function scan(node) {
  if (!(node instanceof Element)) return;
  if (node.hasAttribute("data-ce-roadmap")) attach(node);
  node.querySelectorAll("[data-ce-roadmap]").forEach(attach);
}
scan(document.documentElement);
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === "attributes") {
      if (r.target.hasAttribute("data-ce-roadmap")) attach(r.target);
      continue;
    }
    r.addedNodes.forEach(scan);
    r.removedNodes.forEach((n) => {
      if (!(n instanceof Element)) return;
      const all = n.hasAttribute("data-ce-roadmap") ? [n] : [];
      all.push(...n.querySelectorAll("[data-ce-roadmap]"));
      all.forEach((el) => placeholders.get(el)?.stop());
    });
  }
}).observe(document.documentElement, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ["data-ce-roadmap", ...ATTRS.map((a) => `data-${a}`)],
});

// The module's exports wait for the wasm (a page importing them gets a ready API);
// the elements above did not.
export const version = (await ready).version();

if (!globalThis.CeRoadmap) {
  Object.defineProperty(globalThis, "CeRoadmap", { value: Object.freeze({ mount, evaluate, validateRules, version }), enumerable: false });
}
