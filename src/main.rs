use clap::Parser;

fn main() {
    let cli = actorgraph::cli::Cli::parse();
    if let Err(e) = actorgraph::cli::run(cli) {
        eprintln!("actorgraph: error: {e}");
        std::process::exit(1);
    }
}
