//! Scan time of a repository with tens of thousands of commits, beside `git log` on the same
//! repository. Goal: the scan is no slower than `git log --format=%at | wc -l`.
//!
//! Run: `cargo bench -p eig-pulse-repos --bench scan` (`EIG_PULSE_BENCH_COMMITS` changes the
//! size, 50 000 by default). The repository is generated once with `git fast-import` and
//! repacked like a server's clone, in `target/bench/`. Prints figures; asserts nothing about time.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use eig_pulse_ingest::bots::Bots;
use eig_pulse_ingest::SourceText;

const RUNS: usize = 7;
/// The bots table the exporter embeds.
const BOTS: &str = include_str!("../../../data/bots.yml");

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A fast-import stream: `commits` commits, one an hour from 2017-01-01, by 40 authors in turn,
/// each changing one of 200 files; an MIT licence and a tag every 1 000 commits.
fn stream(commits: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let start = 1_483_228_800u64;
    for n in 1..=commits {
        let time = start + n as u64 * 3_600;
        let author = n % 40;
        let _ = writeln!(out, "commit refs/heads/main\nmark :{n}");
        let _ = writeln!(
            out,
            "author Author {author} <author{author}@example.org> {time} +0100"
        );
        let _ = writeln!(
            out,
            "committer Author {author} <author{author}@example.org> {time} +0100"
        );
        let message = format!("change {n}\n");
        let _ = write!(out, "data {}\n{message}", message.len());
        if n > 1 {
            let _ = writeln!(out, "from :{}", n - 1);
        }
        let content = format!("line {n}\n");
        let _ = write!(
            out,
            "M 644 inline src/file{}.txt\ndata {}\n{content}",
            n % 200,
            content.len()
        );
        if n == 1 {
            let licence = "Permission is hereby granted, free of charge, to any person\n";
            let _ = write!(
                out,
                "M 644 inline LICENSE\ndata {}\n{licence}",
                licence.len()
            );
        }
        out.push(b'\n');
        if n % 1_000 == 0 {
            let _ = writeln!(out, "reset refs/tags/v{}\nfrom :{n}\n", n / 1_000);
        }
    }
    out
}

fn generate(path: &Path, commits: usize) {
    if path.join("HEAD").exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(path);
    std::fs::create_dir_all(path).unwrap();
    git(path, &["init", "-q", "--bare", "-b", "main"]);
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(path)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&stream(commits))
        .unwrap();
    assert!(child.wait().unwrap().success());
    git(path, &["repack", "-adq"]);
    git(
        path,
        &["remote", "add", "origin", "https://github.com/etalab/bench"],
    );
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let commits: usize = std::env::var("EIG_PULSE_BENCH_COMMITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let repo = target.join(format!("bench/repo-{commits}.git"));
    let start = Instant::now();
    generate(&repo, commits);
    eprintln!(
        "repository: {} ({:.1?} to make or find)",
        repo.display(),
        start.elapsed()
    );

    let bots = Bots::parse(&SourceText::new("data/bots.yml", BOTS)).expect("the bots table reads");
    let mut scan_times = Vec::new();
    let mut scanned = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let scan =
            eig_pulse_repos::scan(&repo, "bench", &bots).expect("the bench repository reads");
        scan_times.push(start.elapsed());
        scanned = Some(scan);
    }
    let activity = scanned.unwrap().activity;
    assert_eq!(activity.commits as usize, commits);

    let mut git_times = Vec::new();
    let mut counted = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = Command::new("sh")
            .args(["-c", "git log --format=%at | wc -l"])
            .current_dir(&repo)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        git_times.push(start.elapsed());
        counted = String::from_utf8_lossy(&output.stdout).trim().to_string();
    }
    assert_eq!(counted, commits.to_string());

    let (scan, log) = (median(scan_times), median(git_times));
    println!(
        "scan of {commits} commits ({} weeks, {} authors, latest tag {}): median {scan:.1?} over {RUNS} runs",
        activity.weeks.len(),
        activity.authors,
        activity.latest_tag.as_deref().unwrap_or("-"),
    );
    println!("git log --format=%at | wc -l: median {log:.1?}");
    println!(
        "ratio scan / git log: {:.2} (goal: ≤ 1.00)",
        scan.as_secs_f64() / log.as_secs_f64()
    );
}
