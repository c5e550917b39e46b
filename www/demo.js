// Demo pages only: ?lang=en and ?asOf=YYYY-MM-DD apply to every widget on the page
// (tests pin the date this way), then the loader is imported.
const q = new URLSearchParams(location.search);
for (const el of document.querySelectorAll("ce-roadmap, [data-ce-roadmap]")) {
  const prefix = el.tagName === "CE-ROADMAP" ? "" : "data-";
  if (q.get("lang")) el.setAttribute(`${prefix}lang`, q.get("lang"));
  if (q.get("asOf")) el.setAttribute(`${prefix}as-of`, q.get("asOf"));
}
await import("./ce-roadmap.js");
document.documentElement.dataset.loaded = "true";
