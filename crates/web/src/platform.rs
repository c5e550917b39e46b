//! The few browser calls the widget makes: the clock, the URL fragment, local
//! storage and the clipboard. Each one fails soft: a blocked storage or clipboard
//! is reported, never thrown.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub(crate) const STORAGE_KEY: &str = "ce-roadmap:answers:v1";

/// Today in Japan (UTC+9).
pub use ce_roadmap_js::today;

/// The URL fragment without `#`, if any.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let h = hash.strip_prefix('#').unwrap_or(&hash);
    if h.is_empty() {
        None
    } else {
        // Links pasted into chat apps sometimes arrive percent-encoded.
        Some(
            js_sys::decode_uri_component(h)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| h.to_string()),
        )
    }
}

fn url_without_fragment() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(href.split('#').next().unwrap_or_default().to_string())
}

/// The page's address with `text` as its fragment; also puts it in the address
/// bar without a reload or a history entry.
pub fn link_with_fragment(text: &str) -> Option<String> {
    let url = format!("{}#{text}", url_without_fragment()?);
    let history = web_sys::window()?.history().ok()?;
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    Some(url)
}

/// Removes the fragment (after a broken link, or on reset).
pub fn clear_fragment() {
    if let (Some(url), Some(w)) = (url_without_fragment(), web_sys::window()) {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

pub fn save(text: &str) -> bool {
    storage()
        .map(|s| s.set_item(STORAGE_KEY, text).is_ok())
        .unwrap_or(false)
}

pub fn forget_saved() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// Copies text; the callback learns whether it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

/// Saves text as a file: a data address on a link that is never attached, so no
/// Blob or object URL to free, and nothing is sent anywhere.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    );
    let _ = a.set_attribute("href", &href);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Runs `f` once the next frame has been painted (a timeout queued from inside the
/// frame's animation callback), so work done in steps shows each step. Nothing runs
/// while the page is hidden; it resumes when the page is shown.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = Closure::once_into_js(f);
    let in_frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
}

/// A field given focus under the sticky summary (by the keyboard, or a phone's next
/// field) is scrolled up above it, so the summary never hides what has focus. After a
/// zero timeout: the browser scrolls a newly focused element into view only after
/// the focus event, and that scroll would undo this one.
pub fn keep_clear_of_summary(e: web_sys::FocusEvent) {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = Closure::once_into_js(move || {
        let summary = el
            .closest(".cer-layout")
            .ok()
            .flatten()
            .and_then(|l| l.query_selector(".cer-summary").ok().flatten());
        let Some(summary) = summary else {
            return;
        };
        let s = summary.get_bounding_client_rect();
        // Beside the two columns the summary is not shown (no height).
        if s.height() <= 0.0 {
            return;
        }
        let over = el.get_bounding_client_rect().bottom() - s.top();
        if over > 0.0 {
            if let Some(w) = web_sys::window() {
                w.scroll_by_with_x_and_y(0.0, over + 12.0);
            }
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
}

/// After the next paint, scrolls the plan of the roadmap that holds `from` into
/// view: "aim for this" takes the visitor to the plan it narrowed.
pub fn bring_plan_into_view(from: Option<web_sys::EventTarget>) {
    let Some(el) = from.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    after_next_paint(move || {
        let plan = el
            .closest(".cer-roadmap")
            .ok()
            .flatten()
            .and_then(|r| r.query_selector(".cer-plan").ok().flatten());
        if let Some(p) = plan {
            p.scroll_into_view();
        }
    });
}

/// Scrolls an element of the widget to the top of the view (the summary's jump).
pub fn bring_into_view(node: &yew::NodeRef) {
    if let Some(el) = node.cast::<web_sys::Element>() {
        el.scroll_into_view();
    }
}
