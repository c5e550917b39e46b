//! Typed ids, so the compiler keeps an area from being passed where a body is meant.

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    )*};
}

/// Every id type, once: `ids.rs` defines them from this list, and the rules
/// crate's JSON reader reads them (`id_types!(a_local_macro)`, as `leaf_kinds!`).
#[macro_export]
macro_rules! id_types {
    ($then:ident) => {
        $then! {
            /// A credential, e.g. `dialysis_tech`.
            CredentialId,
            /// A work area, e.g. `blood_purification`.
            AreaId,
            /// An issuing body or society, e.g. `jacet`.
            BodyId,
            /// A licence, e.g. `ce` (臨床工学技士) or `nurse`.
            LicenceId,
            /// A course, seminar or meeting a rule asks for.
            CourseId,
            /// A kind of case that is counted, e.g. `pci_assists`.
            CaseKindId,
            /// An exam that is not itself a credential of the catalogue, e.g. `ibhre`.
            ExamId,
            /// A source document, e.g. `S16`.
            SourceId,
            /// A scheme of help with school fees, e.g. `study_support`.
            SchemeId,
        }
    };
}
id_types!(id_type);
