//! Crash safety: a child process writing in a loop is killed with SIGKILL;
//! on reopening, the integrity check passes and every write the child
//! reported committed is there, whole. The same for the agreement editor's
//! autosave while someone types: at most the last second of typing is lost,
//! and the agreement is never half written.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use perkin::model::agreement::{Jenis, NewAgreement, NewLine, Status};
use perkin::model::id::{AgreementId, VersionId};
use perkin::model::org::NewUnit;
use perkin::model::worktime::{HariLibur, JenisLibur};
use perkin::store::Store;

use crate::common::{demo_store, local, store_at, tmp, versions};
use crate::ui::{go, harness};

const CHILD_ENV: &str = "PERKIN_CRASH_CHILD_DB";
const LINES_PER_AGREEMENT: usize = 30;

/// Starts this same test binary as a child that runs only the test `test`
/// (a child body), with `path` in the environment variable `env`.
fn spawn_child(test: &str, env: &str, path: &Path, stderr: Stdio) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(env, path)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

/// The database reopened after a kill passes the full check (SQLite's
/// integrity and foreign keys, the audit hash chain).
fn assert_intact(store: &Store, round: usize) {
    let faults = store.check().unwrap();
    assert!(faults.is_empty(), "round {round}: {faults:?}");
}

/// Not a test of its own: the body of the child process that the crash test
/// starts (this same test binary, filtered to this function, with the
/// database path in the environment). Without that variable it does nothing.
#[test]
fn crash_child_process() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(std::path::Path::new(&path)).unwrap();
    let unit = store
        .add_unit(&NewUnit {
            parent_id: None,
            kode: String::new(),
            nama: "Unit Uji".into(),
            jenis: perkin::model::org::JenisUnit::Badan,
            eselon: perkin::model::org::Eselon::II,
            urutan: 0,
        })
        .unwrap();
    let stdout = std::io::stdout();
    // libtest's "test … " has no line break yet: end it, so that the first
    // KOMIT starts a line of its own.
    println!();
    let start = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    for n in 0..100_000u32 {
        if n % 2 == 0 {
            store
                .put_holiday(&HariLibur {
                    tanggal: start + chrono::Duration::days(n as i64),
                    nama: format!("Uji {n}"),
                    jenis: JenisLibur::Lokal,
                })
                .unwrap();
        } else {
            store
                .create_agreement(&NewAgreement {
                    tahun: 3000 + n as i32,
                    unit_id: unit,
                    jenis: Jenis::Kepala,
                    nomor: format!("PK {n}"),
                    tempat: String::new(),
                    tanggal: None,
                    pihak_pertama: None,
                    pihak_kedua: None,
                    pihak_kedua_manual: None,
                    lines: (0..LINES_PER_AGREEMENT)
                        .map(|k| NewLine {
                            sasaran: format!("Sasaran {k}"),
                            indikator: format!("Indikator {n}.{k} {}", "x".repeat(200)),
                            satuan: "%".into(),
                            target: "100".into(),
                            ..Default::default()
                        })
                        .collect(),
                    budget: vec![],
                })
                .unwrap();
        }
        // Reported only after the commit returned.
        let mut out = stdout.lock();
        writeln!(out, "KOMIT {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_while_writing_loses_no_committed_write() {
    let dir = tmp();
    for (round, kill_after) in [7usize, 40, 113, 260].into_iter().enumerate() {
        // Each round on its own file: holiday dates and agreement years repeat.
        let path = dir.path().join(format!("putaran-{round}.db"));
        let mut child = spawn_child(
            "crash::crash_child_process",
            CHILD_ENV,
            &path,
            Stdio::null(),
        );
        let mut committed = Vec::new();
        let reader = BufReader::new(child.stdout.take().unwrap());
        for line in reader.lines() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("KOMIT ") {
                committed.push(n.trim().parse::<u32>().unwrap());
                if committed.len() >= kill_after {
                    break;
                }
            }
        }
        // std's kill is SIGKILL on Unix: no chance to clean up.
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(
            committed.len() >= kill_after,
            "round {round}: the child stopped early"
        );

        let store = Store::open(&path).unwrap();
        assert_intact(&store, round);
        let libur = store.calendar().unwrap().libur;
        for n in &committed {
            if n % 2 == 0 {
                let found = libur
                    .values()
                    .filter(|l| l.nama == format!("Uji {n}"))
                    .count();
                assert_eq!(found, 1, "round {round}: committed holiday {n} lost");
            } else {
                let lines: usize = store
                    .agreements(3000 + *n as i32)
                    .unwrap()
                    .iter()
                    .map(|a| store.version(a.version_id).unwrap().content.lines.len())
                    .sum();
                assert_eq!(lines, LINES_PER_AGREEMENT, "round {round}: agreement {n}");
            }
        }
        // Nothing half-written: every agreement present has all its lines.
        let partial = versions(&store)
            .iter()
            .filter(|v| v.content.lines.len() != LINES_PER_AGREEMENT)
            .count();
        assert_eq!(partial, 0);
    }
}

const EDITOR_ENV: &str = "PERKIN_CRASH_EDITOR_DB";
/// Kills of the typing editor, and how many children type at a time.
const EDITOR_ROUNDS: usize = 50;
const EDITOR_WORKERS: usize = 3;
/// The line typed into (0-based) and its field as the editor labels it.
const TYPED_LINE: usize = 1;
const TYPED_FIELD: &str = "Baris 2 Indikator";
/// Typed in turn, one character a keystroke (no spaces: the store trims).
const KEYS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
/// A fast typist: a keystroke every 20 ms on top of the frame's own time.
const KEY_PAUSE: Duration = Duration::from_millis(20);
/// The child stops by itself (a field must stay under the store's limit)
/// should nobody kill it.
const MAX_KEYS: usize = 1_500;
/// The promise: nothing typed more than a second before the crash is lost.
const AT_MOST_LOST: Duration = Duration::from_secs(1);

/// What the first `n` keystrokes typed.
fn typed(n: usize) -> String {
    KEYS.iter().cycle().take(n).map(|&b| b as char).collect()
}

/// The store's clock in the editor test: the demo office's autumn.
fn editor_now() -> chrono::DateTime<chrono::Utc> {
    local(2026, 11, 23, 10, 0)
}

/// The draft typed into: the demo's draft of 2027 with the most lines,
/// as (agreement id, version id).
fn editor_target(store: &Store) -> (AgreementId, VersionId) {
    let a = store
        .agreements(2027)
        .unwrap()
        .into_iter()
        .filter(|a| a.status == Status::Draf)
        .max_by_key(|a| (a.lines, -a.id.0))
        .expect("the demo has drafts");
    assert!(
        a.lines > TYPED_LINE as i64 + 1,
        "a draft with several lines"
    );
    (a.id, a.version_id)
}

/// Not a test of its own: the child of the editor crash test. It opens the
/// real window on the database, opens the draft and types into one of its
/// lines, a character at a time with the wall clock as egui's clock (the
/// autosave waits real time, as in the window), reporting each keystroke
/// once its frame has run. Without the variable it does nothing.
#[test]
fn crash_editor_child_process() {
    let Ok(path) = std::env::var(EDITOR_ENV) else {
        return;
    };
    let store = store_at(Path::new(&path), editor_now());
    let (agreement, version) = editor_target(&store);
    let original = store.version(version).unwrap().content.lines[TYPED_LINE]
        .indikator
        .clone();
    let mut h = harness(store);
    go(&mut h, "Perjanjian Kinerja");
    h.state_mut().send(
        perkin::ui::Form::Agreement,
        perkin::app::AgreementCmd::Open {
            id: Some(agreement),
        },
    );
    h.run();
    h.get_by_label(TYPED_FIELD).focus();
    h.run();
    // egui's clock from here on: the harness's simulated time, then real
    // seconds (set before each frame, so the frame's `now` is wall time).
    let base = h.ctx.input(|i| i.time);
    let start = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // On a line of its own: libtest's "test … " has no line end yet.
    writeln!(out, "\nMULAI").unwrap();
    out.flush().unwrap();
    for n in 1..=MAX_KEYS {
        let key = KEYS[(n - 1) % KEYS.len()] as char;
        h.get_by_label(TYPED_FIELD).type_text(&key.to_string());
        h.input_mut().time = Some(base + start.elapsed().as_secs_f64());
        h.step();
        assert_eq!(
            h.get_by_label(TYPED_FIELD).value(),
            Some(format!("{original}{}", typed(n))),
            "the keystroke landed at the end of the field"
        );
        // Reported only after the frame that took the keystroke (and ran
        // the autosave, when one was due) returned.
        writeln!(out, "KETIK {n}").unwrap();
        out.flush().unwrap();
        std::thread::sleep(KEY_PAUSE);
    }
}

/// The kill moment of a round, after typing began: a xorshift64 seeded by
/// the round, the same on every run. Anywhere from before the first
/// autosave to well past the promised second.
fn kill_delay(round: usize) -> Duration {
    let mut x = 0x9E37_79B9_7F4A_7C15_u64.wrapping_mul(round as u64 + 1);
    for _ in 0..4 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    Duration::from_millis(300 + x % 1_500)
}

/// The prepared database and the draft as it was before any typing.
struct Prepared {
    dir: tempfile::TempDir,
    db: std::path::PathBuf,
    agreement: AgreementId,
    before: perkin::model::agreement::VersionDoc,
    versions: Vec<(VersionId, i32, Status)>,
}

/// What one kill showed.
struct Killed {
    /// Keystrokes reported a second or more before the kill (all kept).
    must_keep: usize,
    /// How long before the kill the oldest lost keystroke was reported.
    loss: Option<Duration>,
}

/// One round: a child types into the draft on a fresh copy of the prepared
/// database and is killed `kill_delay(round)` after it began; then the
/// database is reopened and checked.
fn kill_while_typing(p: &Prepared, round: usize) -> Killed {
    let round_dir = p.dir.path().join(format!("ketik-{round}"));
    std::fs::create_dir(&round_dir).unwrap();
    let db = round_dir.join("perkin.db");
    // The prepared database is closed, so it has no -wal file to copy.
    std::fs::copy(&p.db, &db).unwrap();
    let err_path = round_dir.join("anak.stderr");
    let mut child = spawn_child(
        "crash::crash_editor_child_process",
        EDITOR_ENV,
        &db,
        std::fs::File::create(&err_path).unwrap().into(),
    );
    // Lines with the moment they arrived (never earlier than written).
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send((Instant::now(), line)).is_err() {
                break;
            }
        }
    });
    let child_err = || std::fs::read_to_string(&err_path).unwrap_or_default();
    let typing_from = loop {
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok((t, line)) if line == "MULAI" => break t,
            Ok(_) => {}
            Err(e) => panic!(
                "round {round}: the child did not start ({e}): {}",
                child_err()
            ),
        }
    };
    let delay = kill_delay(round);
    let kill_at = typing_from + delay;
    // keys[n - 1]: when keystroke n was reported.
    let mut keys: Vec<Instant> = Vec::new();
    let mut take = |line: &str, at: Instant| {
        if let Some(n) = line.strip_prefix("KETIK ") {
            assert_eq!(n.parse::<usize>().unwrap(), keys.len() + 1);
            keys.push(at);
        }
    };
    loop {
        let left = kill_at.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((at, line)) => take(&line, at),
            Err(mpsc::RecvTimeoutError::Timeout) => break,
            Err(e) => panic!("round {round}: the child ended ({e}): {}", child_err()),
        }
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "round {round}: the child was still typing"
    );
    let killed = Instant::now();
    // std's kill is SIGKILL on Unix: no chance to save anything more.
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    // Reported before the kill, read after it: counted as reported at it.
    for (_, line) in rx.try_iter() {
        take(&line, killed);
    }
    let must_keep = keys
        .iter()
        .take_while(|&&at| killed.duration_since(at) >= AT_MOST_LOST)
        .count();

    let store = Store::open(&db).unwrap();
    assert_intact(&store, round);
    let before = &p.before;
    let after = store.version(before.id).unwrap();
    assert_eq!(
        after.content.lines.len(),
        before.content.lines.len(),
        "round {round}: lines lost"
    );
    let original = &before.content.lines[TYPED_LINE].indikator;
    let field = &after.content.lines[TYPED_LINE].indikator;
    // Exactly the text after some keystroke k, never a torn value.
    let k = field
        .strip_prefix(original.as_str())
        .filter(|t| *t == typed(t.len()))
        .map(str::len)
        .unwrap_or_else(|| panic!("round {round}: not a typed prefix: {field:?}"));
    // The frame of keystroke k + 1 may have saved before it reported.
    assert!(
        k <= keys.len() + 1,
        "round {round}: {k} keystrokes saved, {} typed",
        keys.len()
    );
    assert!(
        k >= must_keep,
        "round {round}: killed {delay:?} after typing began, {k} of {} keystrokes \
         saved, but {must_keep} were reported a second or more before the kill",
        keys.len()
    );
    // The rest of the agreement exactly as before, the version still the
    // same draft, no version added or lost.
    let mut expected = before.content.clone();
    expected.lines[TYPED_LINE].indikator = field.clone();
    assert_eq!(after.content, expected, "round {round}");
    assert_eq!(
        (after.agreement_id, after.versi, after.status),
        (p.agreement, before.versi, Status::Draf),
        "round {round}"
    );
    assert_eq!(store.versions(p.agreement).unwrap(), p.versions);
    Killed {
        must_keep,
        loss: keys.get(k).map(|&at| killed.duration_since(at)),
    }
}

#[test]
fn sigkill_while_typing_in_the_agreement_editor_loses_at_most_the_last_second() {
    let dir = tmp();
    let mut store = demo_store(dir.path(), editor_now());
    let (agreement, version) = editor_target(&store);
    // Saved once first, so the baseline is what an autosave of the
    // unchanged content writes (the parties refreshed, texts trimmed).
    let content = store.version(version).unwrap().content;
    store.save_draft(version, &content).unwrap();
    let p = Prepared {
        before: store.version(version).unwrap(),
        versions: store.versions(agreement).unwrap(),
        db: store.path().to_path_buf(),
        agreement,
        dir,
    };
    drop(store);
    assert!(!p.db.with_extension("db-wal").exists(), "closed cleanly");

    // A few children at a time: each is mostly asleep between keystrokes.
    let started = Instant::now();
    let results: Vec<Killed> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..EDITOR_WORKERS)
            .map(|w| {
                let p = &p;
                s.spawn(move || {
                    (w..EDITOR_ROUNDS)
                        .step_by(EDITOR_WORKERS)
                        .map(|round| kill_while_typing(p, round))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let total = started.elapsed();
    assert!(
        results.iter().map(|r| r.must_keep).sum::<usize>() > 0,
        "some kills came a second or more after typing began"
    );
    let worst = results.iter().filter_map(|r| r.loss).max();
    eprintln!(
        "{EDITOR_ROUNDS} kills in {total:?} ({:?} a round, {EDITOR_WORKERS} at a time); \
         the oldest keystroke lost was reported {worst:?} before its kill",
        total / EDITOR_ROUNDS as u32
    );
}
