//! Format strings with `%(name)` placeholders (`for-each-ticket --format`): parsing, and
//! rendering one ticket — its fields (the table of [`crate::ticket::fields`], any frontmatter
//! key as `%(field:<key>)`) and the values of the dependency graph (`%(blocked-by)`,
//! `%(blocks)`, `%(ready)`).

use std::collections::HashSet;

use crate::ops::graph::Links;
use crate::ops::queue;
use crate::output::Escape;
use crate::ticket::Ticket;
use crate::ticket::deps::Deps;
use crate::ticket::fields::{Field, raw_fields};

/// A part of a parsed format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Bytes printed as they are.
    Literal(Vec<u8>),
    /// A field's value.
    Field(Field),
    /// A value from the dependency graph.
    Graph(GraphField),
}

/// The placeholders answered by the dependency graph, not by one ticket's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphField {
    /// `%(blocked-by)`: what the ticket still waits on (IDs, or references as written).
    BlockedBy,
    /// `%(blocks)`: the open tickets waiting on it.
    Blocks,
    /// `%(ready)`: `true` when `git ticket ready` lists it, else `false`.
    Ready,
}

/// The placeholders of the dependency graph: name, what it gives (messages, completion).
pub const GRAPH_PLACEHOLDERS: &[(&str, GraphField, &str)] = &[
    (
        "blocked-by",
        GraphField::BlockedBy,
        "What the ticket still waits on (IDs, or references as written)",
    ),
    (
        "blocks",
        GraphField::Blocks,
        "The open tickets waiting on it",
    ),
    (
        "ready",
        GraphField::Ready,
        "true when git ticket ready lists it, else false",
    ),
];

impl GraphField {
    fn parse(name: &str) -> Option<GraphField> {
        GRAPH_PLACEHOLDERS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, g, _)| *g)
    }
}

/// Every placeholder of `--format`, for messages: the fields, the graph's, `%(field:<key>)`.
pub fn all() -> String {
    let graph: Vec<String> = GRAPH_PLACEHOLDERS
        .iter()
        .map(|(n, _, _)| format!("%({n})"))
        .collect();
    format!(
        "{}, {}",
        crate::ticket::fields::placeholders(),
        graph.join(", ")
    )
}

/// The dependency graph and the claims, for the [`GraphField`] placeholders.
pub struct Graph {
    /// Every ticket's links.
    pub deps: Deps,
    /// The tickets claimed elsewhere.
    pub claimed: HashSet<String>,
}

impl Graph {
    fn value(&self, f: GraphField, t: &Ticket) -> String {
        match f {
            GraphField::BlockedBy => Links::of(&self.deps, &t.id).blocked_by.join(","),
            GraphField::Blocks => self.deps.waiting_on(&t.id).join(","),
            GraphField::Ready => queue::is_ready(t, &self.deps, &self.claimed).to_string(),
        }
    }
}

/// Whether a format string needs the dependency graph.
pub fn needs_graph(pieces: &[Piece]) -> bool {
    pieces.iter().any(|p| matches!(p, Piece::Graph(_)))
}

/// Parses a format string (`%(name)`, `%%`, `%xx`).
pub fn parse(format: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut lit = Vec::new();
    let b = format.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'%' {
            lit.push(b[i]);
            i += 1;
            continue;
        }
        match b.get(i + 1) {
            Some(b'%') => {
                lit.push(b'%');
                i += 2;
            }
            Some(b'(') => {
                let end = format[i..]
                    .find(')')
                    .ok_or_else(|| format!("unterminated placeholder at byte {i}"))?;
                let name = &format[i + 2..i + end];
                let piece = match GraphField::parse(name) {
                    Some(g) => Piece::Graph(g),
                    None => Piece::Field(
                        Field::parse(name)
                            .ok_or_else(|| format!("unknown placeholder %({name})"))?,
                    ),
                };
                if !lit.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut lit)));
                }
                pieces.push(piece);
                i += end + 1;
            }
            _ => {
                let hex = format
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("'%' at byte {i} must start %(name), %% or %xx"))?;
                lit.push(hex);
                i += 3;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Literal(lit));
    }
    Ok(pieces)
}

/// Renders one record (without the terminator); `graph` answers the graph placeholders
/// (without it they are empty); `escape`: values C-style escaped (one line).
pub fn render(
    pieces: &[Piece],
    t: &Ticket,
    text: Option<&str>,
    graph: Option<&Graph>,
    escape: bool,
) -> Vec<u8> {
    let raw = text
        .filter(|_| {
            pieces
                .iter()
                .any(|p| matches!(p, Piece::Field(f) if f.needs_raw()))
        })
        .and_then(raw_fields);
    let mut out = Vec::new();
    for p in pieces {
        match p {
            Piece::Literal(l) => out.extend_from_slice(l),
            Piece::Field(f) => {
                let value = f.value(t, raw.as_ref(), ",").unwrap_or_default();
                write_value(&mut out, &value, escape);
            }
            Piece::Graph(g) => {
                if let Some(graph) = graph {
                    write_value(&mut out, &graph.value(*g, t), escape);
                }
            }
        }
    }
    out
}

/// Appends `value`, C-style escaped when `escape`.
fn write_value(out: &mut Vec<u8>, value: &str, escape: bool) {
    if escape {
        out.extend(crate::text::escape(value, Escape::Reversible).bytes());
    } else {
        out.extend(value.bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT_FORMAT: &str = crate::commands::plumbing::for_each_ticket::DEFAULT_FORMAT;

    #[test]
    fn parses_placeholders_escapes_and_hex() {
        assert_eq!(
            parse("%(id) 100%% %(field:owner)%00").unwrap(),
            vec![
                Piece::Field(Field::Id),
                Piece::Literal(b" 100% ".to_vec()),
                Piece::Field(Field::Raw("owner".into())),
                Piece::Literal(vec![0]),
            ]
        );
        assert_eq!(parse(DEFAULT_FORMAT).unwrap().len(), 7);
        assert_eq!(
            parse("plain").unwrap(),
            vec![Piece::Literal(b"plain".to_vec())]
        );
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn rejects_bad_format_strings() {
        assert!(
            parse("%(nope)")
                .unwrap_err()
                .contains("unknown placeholder")
        );
        assert!(parse("%(id").unwrap_err().contains("unterminated"));
        assert!(parse("%zz").is_err());
        assert!(parse("50%").is_err());
        assert!(parse("%(field:)").is_err());
    }

    #[test]
    fn graph_placeholders_render_from_the_graph() {
        use crate::ticket::Status;
        let pieces = parse("%(id) %(blocked-by) %(blocks) %(ready)").unwrap();
        assert!(needs_graph(&pieces));
        assert!(!needs_graph(&parse("%(id)").unwrap()));
        let mut a = crate::ticket::model::strategies::blank("a");
        a.meta.related = Some(vec!["blocked-by:b".into(), "blocked-by:ghost".into()]);
        let b = crate::ticket::model::strategies::blank("b");
        let graph = Graph {
            deps: Deps::build([
                ("a", Status::Todo, a.meta.related.as_deref()),
                ("b", Status::Todo, None),
            ]),
            claimed: HashSet::new(),
        };
        let line =
            |t: &Ticket| String::from_utf8(render(&pieces, t, None, Some(&graph), false)).unwrap();
        assert_eq!(line(&a), "a b,ghost  false");
        assert_eq!(line(&b), "b  a true");
        assert_eq!(
            String::from_utf8(render(&pieces, &b, None, None, false)).unwrap(),
            "b   "
        );
    }
}
