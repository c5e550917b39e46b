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

// The wasm download starts now, beside the glue's, not after it: one round trip
// less before the first roadmap on a mobile network.
const wasm = fetch(new URL("./ce_roadmap_wasm_bg.wasm", import.meta.url));
wasm.catch(() => {}); // a failure surfaces through init below, not as an unhandled rejection
const {
  default: init, mountWidget, evaluateProfile, setCrashHandler, version: wasmVersion,
} = await import("./ce_roadmap_wasm.js");
await init({ module_or_path: wasm });

// The rule compiler, a second wasm module: parsing and checking a JSON rule file
// is most of what rule files cost, so it is fetched only the first time a page
// brings one (or calls validateRules). The widget's module reads compiled rules.
let compilerModule = null;
function compiler() {
  compilerModule ??= (async () => {
    const bin = fetch(new URL("./ce_roadmap_compiler_bg.wasm", import.meta.url));
    bin.catch(() => {});
    const glue = await import("./ce_roadmap_compiler.js");
    await glue.default({ module_or_path: bin });
    return glue;
  })();
  // A failed download is tried again at the next rule file, not remembered.
  compilerModule.catch(() => { compilerModule = null; });
  return compilerModule;
}
/** Runs `f` with the compiler; its failures become messages, never a broken widget module. */
async function withCompiler(f) {
  let c;
  try {
    c = await compiler();
  } catch (e) {
    return { error: `could not load the rule compiler (ce_roadmap_compiler.js): ${e.message}` };
  }
  try {
    return f(c);
  } catch (e) {
    return { error: e instanceof WebAssembly.RuntimeError ? `the rule compiler stopped: ${e.message}` : e.message ?? String(e) };
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
setCrashHandler(crash);

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
  const resolved = await resolve(current, element);
  root.replaceChildren(host);
  try {
    widget = guard(() => mountWidget(host, resolved));
  } catch (e) {
    // The placeholder's own content shows again (or the apology, after a crash).
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
  return guard(() => evaluateProfile(JSON.parse(text), o));
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

export const version = wasmVersion();

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
        if (crashed) apologise(this.element.shadowRoot ?? this.element.attachShadow({ mode: "open" }));
        else showError(this.element, e);
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

if (!globalThis.CeRoadmap) {
  Object.defineProperty(globalThis, "CeRoadmap", { value: Object.freeze({ mount, evaluate, validateRules, version }), enumerable: false });
}
