//! The `dino` binary: parse arguments, run, print any error, exit.

fn main() {
    std::process::exit(dino::main_with_args(std::env::args_os()));
}
