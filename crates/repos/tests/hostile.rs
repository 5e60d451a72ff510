//! Hostile repositories generated here (a few KB of git objects each): each one is left out
//! with its reason, in a few seconds, without exhausting memory or the stack.

mod bots;
mod fixture;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eig_pulse_repos::code::{self, Limits};
use eig_pulse_repos::problem::{Dated, ScanLimit};
use eig_pulse_repos::{scan, Problem};

/// A new folder (removed when dropped) and the repository `build` makes in it, at `name`.
fn built(name: &str, build: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    build(&path);
    (dir, path)
}

/// Scans `path`, says how long it took, and checks it took less than `within`.
fn scan_timed(path: &Path, within: Duration) -> Result<eig_pulse_repos::Scan, Problem> {
    let start = Instant::now();
    let scanned = scan(path, "hostile", &bots::table());
    let took = start.elapsed();
    eprintln!(
        "{}: {took:.2?} → {:?}",
        path.display(),
        scanned.as_ref().err()
    );
    assert!(took < within, "{}: {took:?}", path.display());
    scanned
}

/// Scanning `path` stops, within 20 s, at `limit`, reached past `bound`.
fn assert_over_limit(path: &Path, limit: ScanLimit, bound: u64) {
    assert_eq!(
        scan_timed(path, Duration::from_secs(20)),
        Err(Problem::OverLimit { limit, bound })
    );
}

#[test]
fn a_tree_repeating_itself_to_a_billion_paths_is_left_out() {
    let (_dir, path) = built("bomb", |path| {
        fixture::tree_bomb(path, "https://github.com/etalab/bomb");
    });
    assert_over_limit(&path, ScanLimit::PathsAtHead, code::LIMITS.paths);
}

#[test]
fn sixty_thousand_nested_folders_are_left_out() {
    let (_dir, path) = built("deep", |path| nested_folders(path, 60_000));
    assert_over_limit(&path, ScanLimit::DepthAtHead, code::LIMITS.depth);
}

#[test]
fn a_commit_dated_2100_is_left_out() {
    let (_dir, path) = built("2100", fixture::dated_2100);
    match scan_timed(&path, Duration::from_secs(20)) {
        // 2100-01-01T00:00:00Z.
        Err(Problem::OutOfRange {
            dated: Dated::Commit(_),
            seconds,
        }) => assert_eq!(seconds, 4_102_444_800),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_copy_dated_2150_is_left_out() {
    let (_dir, path) = built("2150", |path| {
        fixture::copied_in_2150(path, "https://github.com/etalab/later");
    });
    assert_eq!(
        scan_timed(&path, Duration::from_secs(20)),
        Err(Problem::OutOfRange {
            // 2150-06-01T00:00:00Z.
            dated: Dated::Copy,
            seconds: 5_693_328_000
        })
    );
}

#[test]
fn the_bytes_read_at_head_are_bounded() {
    let (_dir, path) = built("sample", |path| {
        fixture::sample(path, "https://github.com/etalab/sample");
    });
    let repo = gix::open(&path).unwrap();
    let head = repo.head_id().unwrap().detach();
    let within = |bytes| {
        let limits = Limits {
            bytes,
            ..code::LIMITS
        };
        code::read_within(&repo, head, &limits).map(|code| code.languages.len())
    };
    // The sample's trees and counted files are a few hundred bytes.
    assert_eq!(within(100_000), Ok(1));
    assert_eq!(
        within(100),
        Err(Problem::OverLimit {
            limit: ScanLimit::BytesAtHead,
            bound: 100
        })
    );
    let paths = Limits {
        paths: 3,
        ..code::LIMITS
    };
    assert_eq!(
        code::read_within(&repo, head, &paths).map(|_| ()),
        Err(Problem::OverLimit {
            limit: ScanLimit::PathsAtHead,
            bound: 3
        })
    );
}

/// A repository whose tree is `depth` folders `a/a/…/a/` down to one file: every tree written
/// into one pack (git's loose objects would take 60 000 files), indexed by `git index-pack`.
fn nested_folders(path: &Path, depth: usize) {
    use gix::objs::Kind;
    fixture::init(path);
    let id =
        |kind, data: &[u8]| gix::objs::compute_hash(gix::hash::Kind::Sha1, kind, data).unwrap();
    let blob = b"x\n".to_vec();
    let mut objects = vec![(Kind::Blob, blob.clone())];
    let entry = |mode: &str, name: &str, id: gix::ObjectId| {
        let mut data = format!("{mode} {name}\0").into_bytes();
        data.extend_from_slice(id.as_bytes());
        data
    };
    let mut tree = entry("100644", "f", id(Kind::Blob, &blob));
    for _ in 0..depth {
        let inside = id(Kind::Tree, &tree);
        objects.push((Kind::Tree, tree));
        tree = entry("40000", "a", inside);
    }
    let root = id(Kind::Tree, &tree);
    objects.push((Kind::Tree, tree));
    let commit = format!(
        "tree {root}\nauthor A <a@example.org> 1546855200 +0000\ncommitter A <a@example.org> 1546855200 +0000\n\ndeep\n"
    )
    .into_bytes();
    let head = id(Kind::Commit, &commit);
    objects.push((Kind::Commit, commit));

    let pack = path.join(".git/objects/pack/pack-nested.pack");
    std::fs::write(&pack, pack_of(&objects)).unwrap();
    fixture::git_plain(path, &["index-pack", &pack.display().to_string()]);
    fixture::git_plain(path, &["update-ref", "refs/heads/main", &head.to_string()]);
}

/// A version 2 pack of `objects`, each deflated as stored blocks (no compression needed here).
fn pack_of(objects: &[(gix::objs::Kind, Vec<u8>)]) -> Vec<u8> {
    let mut pack = b"PACK".to_vec();
    pack.extend_from_slice(&2u32.to_be_bytes());
    pack.extend_from_slice(&u32::try_from(objects.len()).unwrap().to_be_bytes());
    for (kind, data) in objects {
        let kind: u8 = match kind {
            gix::objs::Kind::Commit => 1,
            gix::objs::Kind::Tree => 2,
            gix::objs::Kind::Blob => 3,
            gix::objs::Kind::Tag => 4,
        };
        // Type and size: 4 bits of size in the first byte, then 7 bits a byte.
        let mut size = data.len();
        let mut byte = (kind << 4) | (size & 0x0f) as u8;
        size >>= 4;
        while size > 0 {
            pack.push(byte | 0x80);
            byte = (size & 0x7f) as u8;
            size >>= 7;
        }
        pack.push(byte);
        // zlib: header, one final stored block, Adler-32.
        pack.extend_from_slice(&[0x78, 0x01, 0x01]);
        let len = u16::try_from(data.len()).unwrap();
        pack.extend_from_slice(&len.to_le_bytes());
        pack.extend_from_slice(&(!len).to_le_bytes());
        pack.extend_from_slice(data);
        let (mut a, mut b) = (1u32, 0u32);
        for byte in data {
            a = (a + u32::from(*byte)) % 65_521;
            b = (b + a) % 65_521;
        }
        pack.extend_from_slice(&((b << 16) | a).to_be_bytes());
    }
    let mut hasher = gix::hash::hasher(gix::hash::Kind::Sha1);
    hasher.update(&pack);
    pack.extend_from_slice(hasher.try_finalize().unwrap().as_bytes());
    pack
}
