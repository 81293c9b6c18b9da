//! A page drawer on its own, as the app's program is when started with
//! `printing::apart::CHILD_ARG`: the tests of `printing::apart` start it.

use printing::apart::Cap;

#[global_allocator]
static ALLOCATOR: Cap<std::alloc::System> = Cap::new(std::alloc::System, usize::MAX);

fn main() {
    std::process::exit(printing::apart::serve_stdio(&ALLOCATOR));
}
