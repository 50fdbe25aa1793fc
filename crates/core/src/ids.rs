//! Id newtypes. Ids are stable, kebab-case and never reused: saved answers, share links and
//! exports refer to them, so each kind of id has its own type and cannot be mixed up with another.

use std::borrow::Borrow;
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id. Whether it names anything is for the framework to say.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }
    };
}

id_type!(
    /// A framework's id, such as `rethinking-childrens-social-work`.
    FrameworkId
);
id_type!(
    /// A section's id, such as `tools-practice`.
    SectionId
);
id_type!(
    /// An item's id, such as `shared-practice-theory`.
    ItemId
);
id_type!(
    /// A support type's id, such as `training-funding`.
    SupportTypeId
);

/// Whether `id` is a well-formed id: lower-case ASCII letters and digits in words joined by
/// single hyphens, at most 64 characters.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_kebab;

    #[test]
    fn kebab_ids() {
        for good in ["a", "tools-practice", "item-2", "x1"] {
            assert!(is_kebab(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é"] {
            assert!(!is_kebab(bad), "{bad}");
        }
    }
}
