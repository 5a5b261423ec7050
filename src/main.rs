//! The `dino` binary: parse arguments, run, print any error, exit.

/// Reading a portfolio makes many small allocations; mimalloc does them in
/// about half the time of the system's allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(dino::main_with_args(std::env::args_os()));
}
