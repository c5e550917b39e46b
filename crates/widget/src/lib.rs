//! The widget's logic without the browser: the visitor's answers and the reducer
//! over them, share links and saved state, number input, which credentials are in
//! focus, and every word of the interface in Japanese and English. Pure and tested
//! natively; the web crate only renders what this and the core compute.

pub mod answers;
pub mod calendar;
pub mod display;
pub mod focus;
pub mod i18n;
pub mod input;
pub mod share;
