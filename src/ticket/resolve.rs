//! Reference resolution: which ticket a user means by `2611`, `fix-login` or `42`.
//!
//! Stages, first match wins: exact ID → unique ID prefix → exact slug → unique slug prefix →
//! unique slug word sequence (`42` finds `…-fix-issue-42`, `issue-42` too). Several matches at
//! the first stage that matches is an ambiguity; nothing is ever guessed. Pure: works on IDs.

use super::id::slug_of;

/// The stage a reference matched at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The whole ID.
    ExactId,
    /// The start of the ID.
    IdPrefix,
    /// The whole slug.
    ExactSlug,
    /// The start of the slug.
    SlugPrefix,
    /// Whole hyphen-separated words inside the slug.
    SlugWords,
}

impl Stage {
    /// How the stage is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Stage::ExactId => "ID",
            Stage::IdPrefix => "ID prefix",
            Stage::ExactSlug => "slug",
            Stage::SlugPrefix => "slug prefix",
            Stage::SlugWords => "slug words",
        }
    }
}

/// The outcome of resolving a reference against a list of IDs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one ticket (index into the input).
    Found(usize, Stage),
    /// Several tickets match at the same stage (indices into the input).
    Ambiguous(Vec<usize>, Stage),
    /// Nothing matches.
    NotFound,
}

type Matcher<'a> = &'a dyn Fn(&str) -> bool;

/// Resolves `reference` against `ids` (the same ID may appear twice if it sits in two
/// folders; that is reported as ambiguous).
pub fn resolve<S: AsRef<str>>(ids: &[S], reference: &str) -> Resolution {
    let words: Vec<&str> = reference.split('-').collect();
    let stages: [(Stage, Matcher<'_>); 5] = [
        (Stage::ExactId, &|id| id == reference),
        (Stage::IdPrefix, &|id| id.starts_with(reference)),
        (Stage::ExactSlug, &|id| slug_of(id) == Some(reference)),
        (Stage::SlugPrefix, &|id| {
            slug_of(id).is_some_and(|s| s.starts_with(reference))
        }),
        (Stage::SlugWords, &|id| {
            slug_of(id).is_some_and(|s| {
                let slug_words: Vec<&str> = s.split('-').collect();
                !words.iter().all(|w| w.is_empty())
                    && slug_words
                        .windows(words.len())
                        .any(|w| w == words.as_slice())
            })
        }),
    ];
    for (stage, matches) in stages {
        let hits: Vec<usize> = ids
            .iter()
            .enumerate()
            .filter(|(_, id)| matches(id.as_ref()))
            .map(|(i, _)| i)
            .collect();
        match hits.len() {
            0 => continue,
            1 => return Resolution::Found(hits[0], stage),
            _ => return Resolution::Ambiguous(hits, stage),
        }
    }
    Resolution::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 6] = [
        "261127-013854-fix-issue-42",
        "261127-013855-fix-login",
        "261128-090000-login-page",
        "261128-090001-fix",
        "250101-000000-issue-420",
        "README",
    ];

    fn r(reference: &str) -> Resolution {
        resolve(&IDS, reference)
    }

    #[test]
    fn stages_in_order() {
        assert_eq!(
            r("261127-013854-fix-issue-42"),
            Resolution::Found(0, Stage::ExactId)
        );
        assert_eq!(r("261128-090000"), Resolution::Found(2, Stage::IdPrefix));
        assert_eq!(r("fix"), Resolution::Found(3, Stage::ExactSlug));
        assert_eq!(r("login"), Resolution::Found(2, Stage::SlugPrefix));
        assert_eq!(r("42"), Resolution::Found(0, Stage::SlugWords));
        // A slug prefix is an earlier stage than slug words.
        assert_eq!(r("issue-42"), Resolution::Found(4, Stage::SlugPrefix));
        assert_eq!(r("fix-issue"), Resolution::Found(0, Stage::SlugPrefix));
        assert_eq!(r("README"), Resolution::Found(5, Stage::ExactId));
    }

    #[test]
    fn ambiguity_and_misses() {
        assert_eq!(
            r("261127"),
            Resolution::Ambiguous(vec![0, 1], Stage::IdPrefix)
        );
        assert_eq!(
            r("fix-"),
            Resolution::Ambiguous(vec![0, 1], Stage::SlugPrefix)
        );
        assert_eq!(r("issue"), Resolution::Found(4, Stage::SlugPrefix));
        assert_eq!(r("page-login"), Resolution::NotFound);
        assert_eq!(r("4"), Resolution::NotFound);
        assert_eq!(r("-"), Resolution::NotFound);
    }

    #[test]
    fn duplicate_ids_are_ambiguous() {
        let ids = ["a-b", "a-b"];
        assert_eq!(
            resolve(&ids, "a-b"),
            Resolution::Ambiguous(vec![0, 1], Stage::ExactId)
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Resolution never panics, and what it returns is justified: a single match really
        /// matches at its stage, and an ambiguity has at least two candidates.
        #[test]
        fn resolution_is_sound(
            ids in proptest::collection::vec("[0-9]{6}-[0-9]{6}-[a-z0-9-]{1,12}|[a-zA-Z0-9._-]{1,10}", 0..30),
            reference in "[a-z0-9-]{0,14}",
        ) {
            match resolve(&ids, &reference) {
                Resolution::Found(i, stage) => {
                    let id = &ids[i];
                    let slug = slug_of(id);
                    let ok = match stage {
                        Stage::ExactId => *id == reference,
                        Stage::IdPrefix => id.starts_with(&reference),
                        Stage::ExactSlug => slug == Some(reference.as_str()),
                        Stage::SlugPrefix => slug.is_some_and(|s| s.starts_with(&reference)),
                        Stage::SlugWords => slug.is_some_and(|s| s.contains(&reference)),
                    };
                    prop_assert!(ok, "{} does not match {} by {:?}", id, reference, stage);
                    // Nothing matched at an earlier stage.
                    prop_assert!(stage == Stage::ExactId || !ids.contains(&reference));
                }
                Resolution::Ambiguous(hits, _) => prop_assert!(hits.len() >= 2),
                Resolution::NotFound => prop_assert!(!ids.iter().any(|id| id.starts_with(&reference))),
            }
        }
    }
}
