//! Writes a synthetic data tree: `cargo run --release --example gendata -- DIR N L [SEED]`
//! (N parties, L budget lines each; SEED defaults to 1).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [dir, n, l] => n.parse().ok().zip(l.parse().ok()).map(|(n, l)| (dir, n, l, 1)),
        [dir, n, l, s] => n.parse().ok().zip(l.parse().ok()).zip(s.parse().ok()).map(|((n, l), s)| (dir, n, l, s)),
        _ => None,
    };
    let Some((dir, parties, lines, seed)) = parsed else {
        eprintln!("gebruik: gendata MAP PARTIJEN REGELS [SEED]");
        return ExitCode::from(2);
    };
    match jaarcyclus_synth::generate(&PathBuf::from(dir), parties, lines, seed) {
        Ok(()) => {
            println!("{parties} partijen × {lines} regels geschreven in {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fout: {e:#}");
            ExitCode::from(2)
        }
    }
}
