//! Criterion benchmarks of the store: frontmatter parsing (fast path and YAML parser),
//! reference resolution and listing at 100 / 1,000 / 10,000 / 100,000 generated tickets, and
//! sequential against parallel loading (which sets the parallel threshold).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use git_ticket::config::Config;
use git_ticket::ticket::format::parse_meta;
use git_ticket::ticket::resolve::resolve;
use git_ticket::ticket::{Status, Store};

#[path = "support/corpus.rs"]
mod corpus;

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (name, text) in [
        ("new_ticket", corpus::ticket_text(0)),
        ("closed_with_related", corpus::ticket_text(3)),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| parse_meta(black_box(&text)).unwrap()));
        let lay = git_ticket::ticket::format::layout(&text).unwrap();
        let yaml = &text[lay.frontmatter];
        g.bench_function(format!("{name}_yaml_parser"), |b| {
            b.iter(|| git_ticket::ticket::format::parse_yaml_full(black_box(yaml), 1).unwrap())
        });
    }
    g.finish();
}

fn resolve_refs(c: &mut Criterion) {
    let ids: Vec<String> = (0..10_000).map(corpus::ticket_id).collect();
    let mut g = c.benchmark_group("resolve_10000");
    g.bench_function("exact_id", |b| {
        b.iter(|| resolve(&ids, black_box(&ids[9_999])))
    });
    g.bench_function("slug_words", |b| {
        b.iter(|| resolve(&ids, black_box("task-4242")))
    });
    g.finish();
}

/// Where parallel reading starts to pay: the same files loaded sequentially and in parallel
/// (this sets `exec::PARALLEL_THRESHOLD`).
fn list_strategy(c: &mut Criterion) {
    use git_ticket::exec::{Strategy, load_all};
    use git_ticket::trace::Trace;
    let mut g = c.benchmark_group("list_strategy");
    g.sample_size(20);
    let trace = Trace::new(false);
    for n in [100, 200, 400, 800, 1_600] {
        let dir = corpus::generate(n);
        let store = Store::new(dir.path(), &Config::default());
        for (name, strategy) in [
            ("sequential", Strategy::Sequential),
            ("parallel", Strategy::Parallel),
        ] {
            g.bench_with_input(BenchmarkId::new(name, n), &store, |b, store| {
                b.iter(|| {
                    let (entries, _) = store.entries(&Status::ALL).unwrap();
                    let (tickets, _) = load_all(entries, strategy, &trace);
                    assert_eq!(tickets.len(), n);
                })
            });
        }
    }
    g.finish();
}

fn list(c: &mut Criterion) {
    let mut g = c.benchmark_group("list_all");
    g.sample_size(10);
    for n in [100, 1_000, 10_000, 100_000] {
        let dir = corpus::generate(n);
        let store = Store::new(dir.path(), &Config::default());
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &store, |b, store| {
            b.iter(|| {
                let l = git_ticket::exec::list_all(store, &Status::ALL).unwrap();
                assert_eq!(l.tickets.len(), n);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, parse, resolve_refs, list_strategy, list);
criterion_main!(benches);
