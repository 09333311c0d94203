//! Criterion benchmarks of the store: frontmatter parsing, reference resolution, and listing
//! 100 / 1,000 / 10,000 generated tickets (frontmatter only, as `list` does).

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

fn list(c: &mut Criterion) {
    let mut g = c.benchmark_group("list_all");
    g.sample_size(20);
    for n in [100, 1_000, 10_000] {
        let dir = corpus::generate(n);
        let store = Store::new(dir.path(), &Config::default());
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &store, |b, store| {
            b.iter(|| {
                let l = store.list(&Status::ALL).unwrap();
                assert_eq!(l.tickets.len(), n);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, parse, resolve_refs, list);
criterion_main!(benches);
