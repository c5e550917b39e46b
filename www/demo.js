// The demo page: mounts one widget. ?lang=en and ?asOf=YYYY-MM-DD configure it.
import init, { mount } from "./ce_roadmap.js";

const el = document.getElementById("ce-roadmap");
const params = new URLSearchParams(location.search);
try {
  await init();
  el.textContent = "";
  mount(el, { lang: params.get("lang") || "ja", asOf: params.get("asOf") || undefined });
  el.dataset.state = "ready";
} catch (err) {
  el.dataset.state = "error";
  el.textContent = "ウィジェットを読み込めませんでした。 / The widget could not be loaded: " + err;
  console.error(err);
}
