//! Allocations per listed ticket, counted with a counting global allocator (its own test
//! binary, so nothing else allocates meanwhile). The fast frontmatter path and buffer reuse
//! keep a listing at a handful of allocations per ticket; the YAML parser alone needed ~76.
//! (The only unsafe code of the project: a global allocator must be unsafe to implement.)

#![allow(unsafe_code, clippy::print_stdout)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: delegates every call to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[path = "../benches/support/corpus.rs"]
mod corpus;

#[test]
fn at_most_ten_allocations_per_listed_ticket() {
    use git_ticket::config::Config;
    use git_ticket::ticket::{Status, Store};
    let n = 1_000;
    let dir = corpus::generate(n);
    let store = Store::new(dir.path(), &Config::default());
    git_ticket::exec::list_all(&store, &Status::ALL).unwrap(); // warm up thread pools and caches
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let listing = git_ticket::exec::list_all(&store, &Status::ALL).unwrap();
    let per_ticket = (ALLOCATIONS.load(Ordering::Relaxed) - before) as f64 / n as f64;
    assert_eq!(listing.tickets.len(), n);
    assert!(per_ticket <= 10.0, "{per_ticket:.2} allocations per ticket");
    println!("allocations per listed ticket: {per_ticket:.2}");
}
