//! One component per file. They render what the core computed and send `Action`s.

pub mod app;
mod credential_card;
mod details_form;
mod experience_form;
mod fee_support;
mod footer;
mod graduate_form;
mod header;
mod kind_picker;
mod number_field;
mod plan_view;
mod roadmap_view;
mod route_lanes;
mod route_table;
mod school_form;
mod summary;
mod timeline_view;
mod toolbar;
