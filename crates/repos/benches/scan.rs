//! Scan time beside `git log` on the same repositories. Goal: the scan is no slower than
//! `git log --format=%at HEAD | wc -l`.
//!
//! Run: `cargo bench -p eig-pulse-repos --bench scan`. With `EIG_PULSE_COPIES=<folder>` (the
//! real copies, e.g. `/work/clones`), every clone of that folder is scanned and logged, one
//! after the other as `eig-pulse scan` does, three runs interleaved: min and median of the
//! totals, the ratio, the load, and the slowest repositories with the code measure's share.
//! Without it, a synthetic repository of tens of thousands of commits
//! (`EIG_PULSE_BENCH_COMMITS`, 50 000 by default), generated once with `git fast-import` and
//! repacked like a server's clone, in `target/bench/`. Prints figures; asserts nothing about time.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use eig_pulse_ingest::bots::Bots;
use eig_pulse_ingest::SourceText;

/// Runs of the synthetic repository.
const RUNS: usize = 7;
/// Runs over the real copies, each one scan of every copy then `git log` of every copy.
const COPIES_RUNS: usize = 3;
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

/// The load averages, as `uptime` prints them.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "?".into())
}

/// Processor time so far (user and system), of this process and of its waited-for children,
/// from `/proc/self/stat` (in clock ticks of 10 ms): the load of other programs aside.
fn processor_times() -> (Duration, Duration) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command's closing parenthesis: utime, stime, cutime, cstime are the
    // 12th to 15th of them.
    let fields: Vec<u64> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    let ticks = |n: u64| Duration::from_millis(n * 10);
    match fields[..] {
        [utime, stime, cutime, cstime] => (ticks(utime + stime), ticks(cutime + cstime)),
        _ => (Duration::ZERO, Duration::ZERO),
    }
}

/// Wall time of `git log --format=%at HEAD | wc -l` in `repo`, and the count it printed.
fn git_log(repo: &Path) -> (Duration, String) {
    let start = Instant::now();
    let output = Command::new("sh")
        .args(["-c", "git log --format=%at HEAD | wc -l"])
        .current_dir(repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    let took = start.elapsed();
    (
        took,
        String::from_utf8_lossy(&output.stdout).trim().to_string(),
    )
}

fn min_median(times: &[Duration]) -> (Duration, Duration) {
    (*times.iter().min().unwrap(), median(times.to_vec()))
}

/// Every clone of `copies`, scanned then logged, run after run.
fn copies(copies: &Path, bots: &Bots) {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(copies)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| eig_pulse_repos::scan::looks_like_repository(path))
        .collect();
    folders.sort();
    let (mut scans, mut logs) = (Vec::new(), Vec::new());
    let (mut scans_cpu, mut logs_cpu) = (Vec::new(), Vec::new());
    // Folder → (scan, code measure alone) of the last run.
    let mut last = Vec::new();
    for run in 1..=COPIES_RUNS {
        let loaded = load();
        let (mut scan_total, mut log_total) = (Duration::ZERO, Duration::ZERO);
        let (mut scan_cpu, mut log_cpu) = (Duration::ZERO, Duration::ZERO);
        last.clear();
        for path in &folders {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let (own, _) = processor_times();
            let start = Instant::now();
            let scanned = eig_pulse_repos::scan(path, &name, bots);
            let took = start.elapsed();
            let (own_after, children) = processor_times();
            scan_total += took;
            scan_cpu += own_after - own;
            let (logged, counted) = git_log(path);
            log_total += logged;
            log_cpu += processor_times().1 - children;
            if let Ok(scanned) = &scanned {
                assert_eq!(counted, scanned.activity.commits.to_string(), "{name}");
            }
            last.push((name, took, path.clone()));
        }
        eprintln!(
            "run {run} (load {loaded}): scan {scan_total:.2?} (processor {scan_cpu:.2?}), \
             git log {log_total:.2?} (processor {log_cpu:.2?})"
        );
        scans.push(scan_total);
        logs.push(log_total);
        scans_cpu.push(scan_cpu);
        logs_cpu.push(log_cpu);
    }
    let ((scan_min, scan_median), (log_min, log_median)) = (min_median(&scans), min_median(&logs));
    println!(
        "{} copies of {}, {COPIES_RUNS} runs (load now {}):",
        folders.len(),
        copies.display(),
        load()
    );
    println!("  scan:    min {scan_min:.2?}, median {scan_median:.2?}");
    println!("  git log: min {log_min:.2?}, median {log_median:.2?} (--format=%at HEAD | wc -l, one process a copy)");
    println!(
        "  ratio scan / git log: min {:.2}, median {:.2} (goal: ≤ 1.00)",
        scan_min.as_secs_f64() / log_min.as_secs_f64(),
        scan_median.as_secs_f64() / log_median.as_secs_f64()
    );
    let ((scan_cpu_min, scan_cpu_median), (log_cpu_min, log_cpu_median)) =
        (min_median(&scans_cpu), min_median(&logs_cpu));
    println!(
        "  processor time (user + system, 10 ms ticks): scan min {scan_cpu_min:.2?}, median \
         {scan_cpu_median:.2?}; git log min {log_cpu_min:.2?}, median {log_cpu_median:.2?}; \
         ratio of medians {:.2}",
        scan_cpu_median.as_secs_f64() / log_cpu_median.as_secs_f64()
    );
    last.sort_by_key(|(_, took, _)| std::cmp::Reverse(*took));
    println!("  slowest copies (last run): scan, of which the code at HEAD");
    for (name, took, path) in last.iter().take(5) {
        let repo = gix::open(path).unwrap();
        let head = repo.head_id().unwrap().detach();
        let start = Instant::now();
        let _ = eig_pulse_repos::code::read(&repo, head);
        println!("    {name}: {took:.2?}, {:.2?}", start.elapsed());
    }
}

fn main() {
    let bots = Bots::parse(&SourceText::new("data/bots.yml", BOTS)).expect("the bots table reads");
    if let Some(folder) = std::env::var_os("EIG_PULSE_COPIES") {
        copies(Path::new(&folder), &bots);
        return;
    }
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
    for _ in 0..RUNS {
        let (took, counted) = git_log(&repo);
        assert_eq!(counted, commits.to_string());
        git_times.push(took);
    }

    let (scan, log) = (median(scan_times), median(git_times));
    println!(
        "scan of {commits} commits ({} weeks, {} authors, latest tag {}): median {scan:.1?} over {RUNS} runs",
        activity.weeks.len(),
        activity.authors,
        activity.latest_tag.as_deref().unwrap_or("-"),
    );
    println!(
        "git log --format=%at HEAD | wc -l: median {log:.1?} (load {})",
        load()
    );
    println!(
        "ratio scan / git log: {:.2} (goal: ≤ 1.00)",
        scan.as_secs_f64() / log.as_secs_f64()
    );
}
