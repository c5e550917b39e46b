//! Should the Rust code ever panic, the wasm instance is dead for every widget on
//! the page. The panic hook hands the message to the loader, which replaces each
//! widget with an apology and a reload link instead of leaving frozen forms.

use std::cell::RefCell;
use std::sync::Once;

use wasm_bindgen::prelude::*;

thread_local! {
    static HANDLER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Registers the loader's function that takes over after a panic (called with the message).
#[wasm_bindgen(js_name = setCrashHandler)]
pub fn set_crash_handler(handler: js_sys::Function) {
    HANDLER.with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            *h = Some(handler);
        }
    });
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        // Through Yew, which otherwise installs its own hook when the first widget mounts.
        yew::set_custom_panic_hook(Box::new(|info| {
            // The message alone: the location is stripped from the browser build anyway.
            let message = info.payload_as_str().unwrap_or("a panic");
            // try_*: the panic may have struck anywhere, even while the handler is borrowed.
            let _ = HANDLER.try_with(|h| {
                if let Ok(h) = h.try_borrow() {
                    if let Some(f) = h.as_ref() {
                        let _ = f.call1(&JsValue::NULL, &JsValue::from_str(message));
                    }
                }
            });
        }));
    });
}

/// A deliberate panic, so the browser tests can prove the apology replaces every widget.
#[wasm_bindgen(js_name = crashForTest)]
pub fn crash_for_test() {
    panic!("crashForTest: a deliberate panic for the tests");
}
